package io.fleetbench.collector.hostfacts;

import io.fleetbench.collector.redaction.SecretDetector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses dockerd's arguments into daemon.json keys and values. dockerd parses flags with Go's pflag, so a boolean
 * flag takes a value only as {@code --icc=false}, and every other flag takes its value as {@code --flag value},
 * {@code --flag=value} or, for a one-letter flag, {@code -Hvalue}. Repeatable flags become the plural daemon.json
 * list or map key, such as {@code --authorization-plugin} becoming {@code authorization-plugins}.
 *
 * @param settings the settings by daemon.json key; secret-looking values are redacted
 * @param configFile the {@code --config-file} value, or {@code null}
 * @param hosts the {@code -H}/{@code --host} values, in order
 * @param arguments the arguments with secret-looking values redacted
 * @param unknownFlags flags this parser does not know, recorded under their own name in {@code settings}
 */
record DockerdCommandLine(
        Map<String, Object> settings,
        @Nullable String configFile,
        List<String> hosts,
        List<String> arguments,
        List<String> unknownFlags) {

    private enum Kind { BOOLEAN, STRING, INTEGER, LIST, MAP }

    private record Flag(String key, Kind kind) {
    }

    /** dockerd 20.10 to 27 flags and the daemon.json keys they set, from {@code dockerd --help}. */
    private static final Map<String, Flag> FLAGS = new LinkedHashMap<>();

    private static final Map<String, String> SHORT_FLAGS = Map.of(
            "H", "host", "D", "debug", "l", "log-level", "s", "storage-driver", "g", "data-root", "G", "group",
            "p", "pidfile", "b", "bridge");

    static {
        for (String name : List.of("icc", "iptables", "ip6tables", "ip-forward", "ip-masq", "userland-proxy",
                "live-restore", "no-new-privileges", "selinux-enabled", "tls", "tlsverify", "experimental", "debug",
                "raw-logs", "init", "ipv6")) {
            FLAGS.put(name, new Flag(name, Kind.BOOLEAN));
        }
        for (String name : List.of("userns-remap", "log-driver", "log-level", "storage-driver", "data-root",
                "exec-root", "pidfile", "bridge", "bip", "fixed-cidr", "fixed-cidr-v6", "default-gateway",
                "default-gateway-v6", "cgroup-parent", "tlscacert", "tlscert", "tlskey", "seccomp-profile",
                "default-runtime", "containerd", "containerd-namespace", "default-ipc-mode", "default-cgroupns-mode",
                "userland-proxy-path", "group", "swarm-default-advertise-addr", "init-path", "ip",
                "default-shm-size", "api-cors-header")) {
            FLAGS.put(name, new Flag(name, Kind.STRING));
        }
        for (String name : List.of("mtu", "max-concurrent-downloads", "max-concurrent-uploads",
                "max-download-attempts", "shutdown-timeout", "oom-score-adjust")) {
            FLAGS.put(name, new Flag(name, Kind.INTEGER));
        }
        FLAGS.put("host", new Flag("hosts", Kind.LIST));
        FLAGS.put("authorization-plugin", new Flag("authorization-plugins", Kind.LIST));
        FLAGS.put("insecure-registry", new Flag("insecure-registries", Kind.LIST));
        FLAGS.put("registry-mirror", new Flag("registry-mirrors", Kind.LIST));
        FLAGS.put("storage-opt", new Flag("storage-opts", Kind.LIST));
        FLAGS.put("exec-opt", new Flag("exec-opts", Kind.LIST));
        FLAGS.put("dns", new Flag("dns", Kind.LIST));
        FLAGS.put("dns-opt", new Flag("dns-opts", Kind.LIST));
        FLAGS.put("dns-search", new Flag("dns-search", Kind.LIST));
        FLAGS.put("label", new Flag("labels", Kind.LIST));
        FLAGS.put("default-address-pool", new Flag("default-address-pools", Kind.LIST));
        FLAGS.put("allow-nondistributable-artifacts", new Flag("allow-nondistributable-artifacts", Kind.LIST));
        FLAGS.put("log-opt", new Flag("log-opts", Kind.MAP));
        FLAGS.put("default-ulimit", new Flag("default-ulimits", Kind.MAP));
        FLAGS.put("add-runtime", new Flag("runtimes", Kind.MAP));
    }

    DockerdCommandLine {
        settings = Map.copyOf(settings);
        hosts = List.copyOf(hosts);
        arguments = List.copyOf(arguments);
        unknownFlags = List.copyOf(unknownFlags);
    }

    /** Returns the daemon.json key a flag sets, such as {@code hosts} for {@code host}, or {@code null}. */
    static @Nullable String keyOf(String flagName) {
        Flag flag = FLAGS.get(flagName);
        return flag == null ? null : flag.key();
    }

    /**
     * Returns whether dockerd ignores {@code key} in daemon.json. dockerd accepts a daemon.json key that is either a
     * daemon.json key or a flag name, but reads only the daemon.json keys, so a flag name whose key differs, such as
     * {@code authorization-plugin} or {@code log-opt}, passes validation and has no effect.
     */
    static boolean ignoredInDaemonJson(String key) {
        Flag flag = FLAGS.get(key);
        return flag != null && !flag.key().equals(key) && FLAGS.values().stream().noneMatch(
                other -> other.key().equals(key));
    }

    /**
     * Parses the arguments after {@code argv[0]}.
     *
     * @throws IllegalArgumentException where a flag that needs a value is last, or an integer flag has a value
     *     that is not a number
     */
    static DockerdCommandLine parse(List<String> arguments) {
        Map<String, Object> settings = new LinkedHashMap<>();
        List<String> hosts = new ArrayList<>();
        List<String> redacted = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        String configFile = null;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("-") || argument.equals("-") || argument.equals("--")) {
                redacted.add(argument);
                continue;
            }
            String name;
            String value = null;
            boolean shortFlag = !argument.startsWith("--");
            String body = argument.substring(shortFlag ? 1 : 2);
            int equals = body.indexOf('=');
            if (equals >= 0) {
                name = body.substring(0, equals);
                value = body.substring(equals + 1);
            } else if (shortFlag && body.length() > 1 && SHORT_FLAGS.containsKey(body.substring(0, 1))) {
                name = body.substring(0, 1);
                value = body.substring(1);
            } else {
                name = body;
            }
            if (shortFlag) {
                name = SHORT_FLAGS.getOrDefault(name, name);
            }
            Flag flag = FLAGS.get(name);
            boolean configFileFlag = name.equals("config-file");
            boolean needsValue = configFileFlag || flag != null && flag.kind() != Kind.BOOLEAN;
            // An unknown flag takes the next argument as its value unless that is a flag, because dockerd has no
            // positional arguments.
            boolean unknownWithValue = flag == null && !configFileFlag && !nextIsFlag(arguments, i);
            boolean separateValue = false;
            if (value == null && (needsValue || unknownWithValue)) {
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException("dockerd flag '" + argument + "' has no value");
                }
                value = arguments.get(++i);
                separateValue = true;
            }
            String redactedValue = value == null ? null : flag != null && flag.kind() == Kind.MAP ? redactEntry(value)
                    : redact(name, value);
            if (separateValue) {
                redacted.add(argument);
                redacted.add(redactedValue);
            } else {
                redacted.add(value == null ? argument : argument.substring(0, argument.length() - value.length())
                        + redactedValue);
            }
            if (configFileFlag) {
                configFile = value;
                continue;
            }
            if (flag == null) {
                unknown.add(name);
                settings.put(name, value == null ? Boolean.TRUE : redactedValue);
                continue;
            }
            if (name.equals("host")) {
                hosts.add(value);
            }
            put(settings, flag, value, redactedValue, argument);
        }
        return new DockerdCommandLine(settings, configFile, hosts, redacted, unknown);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> settings, Flag flag, @Nullable String value, @Nullable String redactedValue,
            String argument) {
        switch (flag.kind()) {
            case BOOLEAN -> settings.put(flag.key(), value == null || Boolean.parseBoolean(value));
            case STRING -> settings.put(flag.key(), redactedValue);
            case INTEGER -> {
                try {
                    settings.put(flag.key(), Long.parseLong(value));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("dockerd flag '" + argument + "' has the value '" + value
                            + "', which is not an integer");
                }
            }
            case LIST -> ((List<Object>) settings.computeIfAbsent(flag.key(), key -> new ArrayList<>())).add(redactedValue);
            case MAP -> {
                int equals = value.indexOf('=');
                String entryName = equals < 0 ? value : value.substring(0, equals);
                String entryValue = equals < 0 ? "" : value.substring(equals + 1);
                ((Map<String, Object>) settings.computeIfAbsent(flag.key(), key -> new LinkedHashMap<>()))
                        .put(entryName, redact(entryName, entryValue));
            }
        }
    }

    /** Redacts the value of a {@code name=value} entry of a map flag such as {@code --log-opt} by its name. */
    private static String redactEntry(String entry) {
        int equals = entry.indexOf('=');
        if (equals < 0) {
            return redact(entry, entry);
        }
        return entry.substring(0, equals + 1) + redact(entry.substring(0, equals), entry.substring(equals + 1));
    }

    private static boolean nextIsFlag(List<String> arguments, int index) {
        return index + 1 >= arguments.size() || arguments.get(index + 1).startsWith("-");
    }

    private static String redact(String name, String value) {
        return SecretDetector.secretReason(name, value) == null ? value : SecretDetector.REDACTED;
    }
}
