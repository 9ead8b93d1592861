package io.fleetbench.standalone.audit;

import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.model.snapshot.PortBindingFacts;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Converts compose-file values in their short and long syntaxes to the engine's terms, one result per entry. */
final class ComposeValues {

    /** A byte size as compose writes it: a number with an optional unit b, k, m or g (also kb, mb, gb). */
    private static final Pattern BYTE_SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([bkmg]?)b?", Pattern.CASE_INSENSITIVE);

    private ComposeValues() {
    }

    static boolean isNull(ScalarNode scalar) {
        return scalar.getTag().equals(Tag.NULL) || scalar.getValue().equals("~") || scalar.getValue().isEmpty();
    }

    /** Returns the scalars of a sequence, or the single scalar, as strings. */
    static List<String> strings(@Nullable Node node) {
        List<String> values = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (Node entry : sequence.getValue()) {
                if (entry instanceof ScalarNode scalar) {
                    values.add(scalar.getValue());
                } else if (entry instanceof MappingNode mapping
                        && ComposeService.value(mapping, "source") instanceof ScalarNode source) {
                    values.add(source.getValue());
                }
            }
        } else if (node instanceof ScalarNode scalar && !isNull(scalar)) {
            values.add(scalar.getValue());
        }
        return values;
    }

    /** Returns {@code KEY=VALUE} list entries or a mapping as a map, as compose accepts both for labels. */
    static Map<String, String> keyValues(@Nullable Node node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String value = tuple.getValueNode() instanceof ScalarNode scalar && !isNull(scalar) ? scalar.getValue() : "";
                values.put(((ScalarNode) tuple.getKeyNode()).getValue(), value);
            }
        } else {
            for (String entry : strings(node)) {
                int equals = entry.indexOf('=');
                values.put(equals < 0 ? entry : entry.substring(0, equals), equals < 0 ? "" : entry.substring(equals + 1));
            }
        }
        return values;
    }

    /** Converts a byte size such as {@code 512m}, {@code 1.5g} or {@code 1048576} to bytes. */
    static long bytes(ScalarNode scalar) {
        Matcher matcher = BYTE_SIZE.matcher(scalar.getValue().strip());
        if (!matcher.matches()) {
            throw new AuditUsageException("line " + line(scalar) + ": '" + scalar.getValue() + "' is not a byte size: "
                    + "use a number with an optional unit b, k, m or g, such as 512m");
        }
        long unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unit)).longValue();
    }

    /** Converts a CPU count such as {@code 0.5} to billionths of a CPU, the engine's {@code NanoCpus}. */
    static long nanoCpus(ScalarNode scalar) {
        try {
            return new BigDecimal(scalar.getValue().strip()).movePointRight(9).longValue();
        } catch (NumberFormatException e) {
            throw new AuditUsageException("line " + line(scalar) + ": '" + scalar.getValue() + "' is not a CPU count: "
                    + "use a decimal number such as 0.5");
        }
    }

    /**
     * Converts {@code volumes} entries to mounts. Short syntax is {@code [SOURCE:]TARGET[:MODE]}: a source starting
     * with {@code /}, {@code .} or {@code ~} is a bind mount, any other source a named volume. Long syntax is a mapping
     * with {@code type}, {@code source}, {@code target} and {@code read_only}. Relative sources resolve against the
     * compose file's folder, as compose resolves them.
     */
    static List<MountFacts> mounts(@Nullable Node node, Path folder) {
        List<MountFacts> mounts = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            return mounts;
        }
        for (Node entry : sequence.getValue()) {
            if (entry instanceof ScalarNode scalar) {
                mounts.add(shortMount(scalar.getValue(), folder));
            } else if (entry instanceof MappingNode mapping) {
                mounts.add(longMount(mapping, folder));
            }
        }
        return mounts;
    }

    private static MountFacts shortMount(String entry, Path folder) {
        String[] parts = entry.split(":");
        if (parts.length == 1) {
            return new MountFacts("volume", null, parts[0], true, null);
        }
        String source = parts[0];
        String target = parts[1];
        boolean readOnly = parts.length > 2 && List.of(parts[2].split(",")).contains("ro");
        boolean bind = source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
        return new MountFacts(bind ? "bind" : "volume", bind ? hostPath(source, folder) : source, target, !readOnly,
                null);
    }

    private static MountFacts longMount(MappingNode mapping, Path folder) {
        String type = scalar(mapping, "type");
        String source = scalar(mapping, "source");
        String target = scalar(mapping, "target");
        boolean readOnly = "true".equalsIgnoreCase(scalar(mapping, "read_only"));
        String propagation = null;
        if (ComposeService.value(mapping, "bind") instanceof MappingNode bind) {
            propagation = scalar(bind, "propagation");
        }
        String resolvedType = type == null ? "volume" : type;
        String resolvedSource = source != null && resolvedType.equals("bind") ? hostPath(source, folder) : source;
        return new MountFacts(resolvedType, resolvedSource, target == null ? "" : target, !readOnly, propagation);
    }

    /** Resolves {@code ~} to the user's home and a relative path against the compose file's folder. */
    private static String hostPath(String source, Path folder) {
        if (source.equals("~") || source.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + source.substring(1)).normalize().toString();
        }
        return folder.resolve(source).normalize().toString();
    }

    /**
     * Converts {@code ports} entries to published ports. Short syntax is
     * {@code [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]}, with an IPv6 address in brackets; without a host
     * address the port is published on every interface, as the engine does. Long syntax is a mapping with
     * {@code target}, {@code published}, {@code host_ip} and {@code protocol}.
     */
    static List<PortBindingFacts> ports(@Nullable Node node) {
        List<PortBindingFacts> ports = new ArrayList<>();
        if (!(node instanceof SequenceNode sequence)) {
            return ports;
        }
        for (Node entry : sequence.getValue()) {
            if (entry instanceof ScalarNode scalar) {
                ports.add(shortPort(scalar.getValue().strip()));
            } else if (entry instanceof MappingNode mapping) {
                String protocol = scalar(mapping, "protocol");
                String target = scalar(mapping, "target");
                ports.add(new PortBindingFacts((target == null ? "" : target) + "/" + (protocol == null ? "tcp" : protocol),
                        scalar(mapping, "host_ip"), scalar(mapping, "published")));
            }
        }
        return ports;
    }

    private static PortBindingFacts shortPort(String entry) {
        String protocol = "tcp";
        int slash = entry.lastIndexOf('/');
        String spec = entry;
        if (slash >= 0) {
            protocol = entry.substring(slash + 1);
            spec = entry.substring(0, slash);
        }
        String hostIp = "";
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            hostIp = spec.substring(1, Math.max(1, close));
            spec = close + 2 <= spec.length() ? spec.substring(close + 2) : "";
        }
        String[] parts = spec.split(":");
        String containerPort = parts[parts.length - 1];
        String hostPort = parts.length >= 2 ? parts[parts.length - 2] : "";
        if (parts.length >= 3) {
            hostIp = String.join(":", List.of(parts).subList(0, parts.length - 2));
        }
        return new PortBindingFacts(containerPort + "/" + protocol, hostIp, hostPort);
    }

    private static @Nullable String scalar(MappingNode mapping, String key) {
        Node node = ComposeService.value(mapping, key);
        return node instanceof ScalarNode scalar && !isNull(scalar) ? scalar.getValue() : null;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
