package io.fleetbench.standalone.audit;

import io.fleetbench.collector.redaction.SecretDetector;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.EnvVariable;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.model.snapshot.PortBindingFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One service of a compose file, mapped to the {@link ContainerFacts} that the engine would report for its
 * container, so the rule core's container checks decide about it as about a running container. Environment values
 * are examined for secrets and dropped here, as the agent does.
 *
 * @param name the service name
 * @param nameNode the service's key in the file, the fallback location of its findings
 * @param body the service's settings
 * @param folder the compose file's folder, against which relative bind-mount sources resolve
 */
record ComposeService(String name, ScalarNode nameNode, MappingNode body, Path folder) {

    /** The settings whose entries are checked one by one, so a finding points at the offending entry. */
    static final List<String> LIST_SETTINGS = List.of("volumes", "cap_add", "environment", "ports", "security_opt");

    /** Returns the container name compose gives this service's container: {@code container_name}, else the name. */
    String containerName() {
        String explicit = text("container_name");
        return explicit == null ? name : explicit;
    }

    /** Returns the facts of this service's container with every setting. */
    ContainerFacts facts() {
        return facts(null, -1);
    }

    /**
     * Returns the facts with the list setting {@code setting} cut down to its entry at {@code index}, or with every
     * entry where {@code setting} is {@code null}.
     */
    ContainerFacts facts(@Nullable String setting, int index) {
        String image = text("image");
        return new ContainerFacts(
                "compose:" + name,
                containerName(),
                image == null ? "(built from " + name + "'s build context)" : image,
                null,
                null,
                "running",
                true,
                text("user"),
                bool("privileged"),
                text("network_mode"),
                text("pid"),
                text("ipc"),
                text("uts"),
                text("userns_mode"),
                text("cgroup"),
                bool("read_only"),
                only(strings("cap_add"), "cap_add", setting, index),
                strings("cap_drop"),
                only(strings("security_opt"), "security_opt", setting, index),
                memoryBytes(),
                number(value(body, "cpu_shares")),
                nanoCpus(),
                pidsLimit(),
                only(ComposeValues.mounts(value(body, "volumes"), folder), "volumes", setting, index),
                only(ComposeValues.ports(value(body, "ports")), "ports", setting, index),
                only(environment(), "environment", setting, index),
                SecretDetector.redactLabels(ComposeValues.keyValues(value(body, "labels"))),
                restartPolicy(),
                restartMaxRetries(),
                healthcheckConfigured(),
                null,
                text("cgroup_parent"),
                strings("devices"),
                networks(),
                text("logging", "driver"));
    }

    /** Returns the node of each entry of list setting {@code setting}, in file order; map entries give their key. */
    List<Node> entries(String setting) {
        Node node = value(body, setting);
        List<Node> entries = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            entries.addAll(sequence.getValue());
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                entries.add(tuple.getKeyNode());
            }
        }
        return entries;
    }

    /** Returns the key node of the setting at {@code path} below the service, such as {@code deploy.resources}. */
    @Nullable Node key(String... path) {
        MappingNode current = body;
        for (int i = 0; i < path.length; i++) {
            NodeTuple tuple = tuple(current, path[i]);
            if (tuple == null) {
                return null;
            }
            if (i == path.length - 1) {
                return tuple.getKeyNode();
            }
            if (!(tuple.getValueNode() instanceof MappingNode next)) {
                return null;
            }
            current = next;
        }
        return null;
    }

    /** Returns the value node of {@code key} in {@code mapping}, or {@code null} where it is absent. */
    static @Nullable Node value(MappingNode mapping, String key) {
        NodeTuple tuple = tuple(mapping, key);
        return tuple == null ? null : tuple.getValueNode();
    }

    private static @Nullable NodeTuple tuple(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple;
            }
        }
        return null;
    }

    private @Nullable Node value(String... path) {
        Node current = body;
        for (String key : path) {
            if (!(current instanceof MappingNode mapping)) {
                return null;
            }
            current = value(mapping, key);
        }
        return current;
    }

    private @Nullable String text(String... path) {
        Node node = value(path);
        return node instanceof ScalarNode scalar && !ComposeValues.isNull(scalar) ? scalar.getValue() : null;
    }

    private boolean bool(String key) {
        String text = text(key);
        return text != null && List.of("true", "yes", "on").contains(text.toLowerCase(Locale.ROOT));
    }

    private List<String> strings(String key) {
        return ComposeValues.strings(value(body, key));
    }

    private @Nullable Long number(@Nullable Node node) {
        if (!(node instanceof ScalarNode scalar) || ComposeValues.isNull(scalar)) {
            return null;
        }
        try {
            return Long.parseLong(scalar.getValue().strip());
        } catch (NumberFormatException e) {
            throw new AuditUsageException("line " + (scalar.getStartMark().getLine() + 1) + ": '" + scalar.getValue()
                    + "' is not a whole number");
        }
    }

    /** Returns {@code mem_limit}, else {@code deploy.resources.limits.memory}, in bytes. */
    private @Nullable Long memoryBytes() {
        Node node = value("mem_limit");
        if (node == null) {
            node = value("deploy", "resources", "limits", "memory");
        }
        return node instanceof ScalarNode scalar && !ComposeValues.isNull(scalar) ? ComposeValues.bytes(scalar) : null;
    }

    /** Returns {@code pids_limit}, else {@code deploy.resources.limits.pids}. */
    private @Nullable Long pidsLimit() {
        Node node = value("pids_limit");
        return number(node != null ? node : value("deploy", "resources", "limits", "pids"));
    }

    /** Returns {@code cpus}, else {@code deploy.resources.limits.cpus}, in billionths of a CPU. */
    private @Nullable Long nanoCpus() {
        Node node = value("cpus");
        if (node == null) {
            node = value("deploy", "resources", "limits", "cpus");
        }
        return node instanceof ScalarNode scalar && !ComposeValues.isNull(scalar) ? ComposeValues.nanoCpus(scalar) : null;
    }

    /** Returns the variables of {@code environment}, in list ({@code NAME=value}) or map syntax, without values. */
    private List<EnvVariable> environment() {
        Node node = value(body, "environment");
        List<EnvVariable> variables = new ArrayList<>();
        if (node instanceof SequenceNode sequence) {
            for (Node entry : sequence.getValue()) {
                if (entry instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    variables.add(SecretDetector.toEnvVariable(scalar.getValue()));
                }
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String variable = ((ScalarNode) tuple.getKeyNode()).getValue();
                Node entryValue = tuple.getValueNode();
                boolean hasValue = entryValue instanceof ScalarNode scalar && !ComposeValues.isNull(scalar);
                variables.add(SecretDetector.toEnvVariable(
                        hasValue ? variable + "=" + ((ScalarNode) entryValue).getValue() : variable));
            }
        }
        return variables;
    }

    /** Returns the policy name of {@code restart}, without the retry count of {@code on-failure:N}. */
    private @Nullable String restartPolicy() {
        String restart = text("restart");
        return restart != null && restart.startsWith("on-failure:") ? "on-failure" : restart;
    }

    /** Returns N of {@code restart: on-failure:N}, or {@code null} where the policy has no retry count. */
    private @Nullable Integer restartMaxRetries() {
        String restart = text("restart");
        if (restart == null || !restart.startsWith("on-failure:")) {
            return null;
        }
        String retries = restart.substring("on-failure:".length()).strip();
        try {
            return Integer.parseInt(retries);
        } catch (NumberFormatException e) {
            throw new AuditUsageException("service " + name + ": restart '" + restart + "' has no whole retry count: "
                    + "use on-failure or on-failure:N");
        }
    }

    private boolean healthcheckConfigured() {
        Node node = value(body, "healthcheck");
        if (!(node instanceof MappingNode mapping)) {
            return false;
        }
        Node disable = value(mapping, "disable");
        if (disable instanceof ScalarNode scalar && scalar.getValue().equalsIgnoreCase("true")) {
            return false;
        }
        List<String> test = ComposeValues.strings(value(mapping, "test"));
        return !test.isEmpty() && !test.get(0).equalsIgnoreCase("NONE");
    }

    private List<String> networks() {
        Node node = value(body, "networks");
        if (node instanceof MappingNode mapping) {
            Map<String, String> names = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                names.put(((ScalarNode) tuple.getKeyNode()).getValue(), "");
            }
            return List.copyOf(names.keySet());
        }
        return ComposeValues.strings(node);
    }

    /** Keeps only the entry at {@code index} where {@code setting} is the one being located. */
    private static <T> List<T> only(List<T> values, String name, @Nullable String setting, int index) {
        if (!name.equals(setting)) {
            return values;
        }
        return index < values.size() ? List.of(values.get(index)) : List.of();
    }
}
