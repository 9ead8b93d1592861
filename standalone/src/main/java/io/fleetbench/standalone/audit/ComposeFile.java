package io.fleetbench.standalone.audit;

import io.fleetbench.model.snapshot.NetworkFacts;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A docker-compose file read as a YAML node tree, so each value keeps the line and column it came from. Only the
 * {@code services} section matters to the audit. YAML merge keys ({@code <<: *anchor}) are applied, so settings
 * shared through an {@code x-} block count for every service that merges it, and their findings point into that
 * block. Variable interpolation ({@code ${VAR}}), {@code extends}, {@code include} and override files are not
 * applied.
 *
 * @param path the file as the user named it, used in finding locations
 * @param services the services in file order
 * @param networks the networks of the top-level {@code networks} section, which services name to join them
 */
record ComposeFile(Path path, List<ComposeService> services, List<NetworkFacts> networks) {

    /** The maximum file size read, well above real compose files, so a wrong path cannot exhaust memory. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    /**
     * Reads and parses {@code path}.
     *
     * @throws AuditUsageException when the file is missing, too large, not YAML, or has no {@code services} mapping
     */
    static ComposeFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new AuditUsageException("compose file " + path + " was not found: give the path of a "
                    + "docker-compose.yml");
        }
        Node root;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new AuditUsageException("compose file " + path + " is larger than " + MAX_BYTES / 1024 / 1024
                        + " MiB: give the path of a docker-compose.yml");
            }
            LoaderOptions loaderOptions = new LoaderOptions();
            loaderOptions.setAllowDuplicateKeys(false);
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                root = new Yaml(new SafeConstructor(loaderOptions)).compose(reader);
            }
        } catch (MarkedYAMLException e) {
            // The parser's own message can quote a piece of the file, which may be a secret, so only the mark is kept.
            throw new AuditUsageException("compose file " + path + " is not valid YAML at line "
                    + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1)
                    + ": fix the file, for example with docker compose config", e);
        } catch (YAMLException e) {
            throw new AuditUsageException("compose file " + path + " is not valid YAML: fix the file, for example with "
                    + "docker compose config", e);
        } catch (IOException e) {
            throw new AuditUsageException("compose file " + path + " cannot be read (" + e.getClass().getSimpleName()
                    + "): check its permissions", e);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new AuditUsageException("compose file " + path + " is not a YAML mapping: a compose file starts with "
                    + "keys such as services:");
        }
        Node services = ComposeService.value(mapping, "services");
        if (!(services instanceof MappingNode servicesMapping) || servicesMapping.getValue().isEmpty()) {
            throw new AuditUsageException("compose file " + path + " has no services mapping: add services: with at "
                    + "least one service");
        }
        Path folder = path.toAbsolutePath().getParent();
        List<ComposeService> parsed = new ArrayList<>();
        for (NodeTuple tuple : servicesMapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode name && tuple.getValueNode() instanceof MappingNode body) {
                parsed.add(new ComposeService(name.getValue(), name, applyMergeKeys(body), folder));
            } else {
                throw new AuditUsageException("compose file " + path + ": the service at line "
                        + (tuple.getKeyNode().getStartMark().getLine() + 1) + " is not a mapping of settings");
            }
        }
        return new ComposeFile(path, parsed, networks(mapping));
    }

    /**
     * Returns the networks of the top-level {@code networks} section, with the settings that checks read:
     * {@code driver}, {@code internal}, {@code attachable}, {@code enable_ipv6} and {@code driver_opts}.
     */
    private static List<NetworkFacts> networks(MappingNode root) {
        List<NetworkFacts> networks = new ArrayList<>();
        if (!(ComposeService.value(root, "networks") instanceof MappingNode section)) {
            return networks;
        }
        for (NodeTuple tuple : section.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode name)) {
                continue;
            }
            MappingNode settings = tuple.getValueNode() instanceof MappingNode mapping ? mapping
                    : new MappingNode(Tag.MAP, List.of(), DumperOptions.FlowStyle.AUTO);
            networks.add(new NetworkFacts("compose:" + name.getValue(), name.getValue(),
                    text(settings, "driver", "bridge"), "local", text(settings, "internal", "false").equals("true"),
                    text(settings, "attachable", "false").equals("true"),
                    text(settings, "enable_ipv6", "false").equals("true"),
                    ComposeValues.keyValues(ComposeService.value(settings, "driver_opts"))));
        }
        return networks;
    }

    private static String text(MappingNode mapping, String key, String absent) {
        Node node = ComposeService.value(mapping, key);
        return node instanceof ScalarNode scalar && !ComposeValues.isNull(scalar) ? scalar.getValue() : absent;
    }

    /**
     * Returns {@code mapping} with its merge keys replaced by the entries they merge, as YAML 1.1 defines them: an
     * explicit key wins over a merged one, and among several merged mappings the first one wins. The entries keep
     * their own nodes, so their marks still point where they are written.
     */
    static MappingNode applyMergeKeys(MappingNode mapping) {
        List<NodeTuple> explicit = new ArrayList<>();
        List<NodeTuple> merged = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!isMergeKey(tuple.getKeyNode())) {
                explicit.add(tuple);
            } else if (tuple.getValueNode() instanceof MappingNode source) {
                merged.addAll(applyMergeKeys(source).getValue());
            } else if (tuple.getValueNode() instanceof SequenceNode sources) {
                for (Node source : sources.getValue()) {
                    if (source instanceof MappingNode sourceMapping) {
                        merged.addAll(applyMergeKeys(sourceMapping).getValue());
                    }
                }
            }
        }
        Set<String> keys = new HashSet<>();
        List<NodeTuple> result = new ArrayList<>();
        for (NodeTuple tuple : explicit) {
            keys.add(keyText(tuple));
            result.add(tuple);
        }
        for (NodeTuple tuple : merged) {
            if (keys.add(keyText(tuple))) {
                result.add(tuple);
            }
        }
        return new MappingNode(mapping.getTag(), true, result, mapping.getStartMark(), mapping.getEndMark(),
                mapping.getFlowStyle());
    }

    private static boolean isMergeKey(Node key) {
        return key.getTag().equals(Tag.MERGE) || key instanceof ScalarNode scalar && scalar.getValue().equals("<<");
    }

    private static String keyText(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : tuple.getKeyNode().toString();
    }
}
