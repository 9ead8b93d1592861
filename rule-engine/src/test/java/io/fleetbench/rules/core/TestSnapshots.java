package io.fleetbench.rules.core;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.EngineInfo;
import io.fleetbench.model.snapshot.EnvVariable;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.model.snapshot.NetworkFacts;
import io.fleetbench.model.snapshot.PortBindingFacts;
import io.fleetbench.model.snapshot.SettingSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds snapshots for check tests. Every default is the hardened value, so a test row changes only the fact it is
 * about.
 */
public final class TestSnapshots {

    public static final String DAEMON_JSON = "/etc/docker/daemon.json";
    public static final String BUSYBOX = "local/busybox:1";
    public static final String BUSYBOX_ID = "sha256:busybox";

    private TestSnapshots() {
    }

    public static SnapshotBuilder snapshot() {
        return new SnapshotBuilder();
    }

    public static ContainerBuilder container(String name) {
        return new ContainerBuilder(name);
    }

    public static EngineBuilder engine() {
        return new EngineBuilder();
    }

    /** Returns an image with a non-root user and a HEALTHCHECK. */
    public static ImageFacts image(String reference, String id) {
        return new ImageFacts(id, List.of(reference), List.of(), Instant.parse("2026-01-01T00:00:00Z"), "1000",
                true, List.of(), Map.of(), 1_000_000L);
    }

    public static ImageFacts image(String reference, String id, String user, boolean healthcheck) {
        return new ImageFacts(id, List.of(reference), List.of(), Instant.parse("2026-01-01T00:00:00Z"), user,
                healthcheck, List.of(), Map.of(), 1_000_000L);
    }

    public static NetworkFacts network(String name, String driver, Map<String, String> options) {
        return new NetworkFacts("net-" + name, name, driver, "local", false, false, false, options);
    }

    public static MountFacts bind(String source, String destination, boolean readWrite) {
        return new MountFacts("bind", source, destination, readWrite, "rprivate");
    }

    public static EnvVariable plainVariable(String name) {
        return new EnvVariable(name, false, null, false);
    }

    public static EnvVariable secretVariable(String name, String reason) {
        return new EnvVariable(name, true, reason, false);
    }

    public static EnvVariable fileReference(String name) {
        return new EnvVariable(name, true, "name ends in _FILE", true);
    }

    /**
     * Returns {@code snapshot} with the field {@code field} removed from the JSON of container {@code name}, decoded
     * as a consumer would decode a record whose producer left the field out.
     */
    public static HostSnapshotCollected withoutContainerField(HostSnapshotCollected snapshot, String name, String field) {
        ObjectNode tree = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(snapshot));
        for (var container : tree.withArray("containers")) {
            if (container.get("name").asString().equals(name)) {
                ((ObjectNode) container).remove(field);
            }
        }
        return EventCodec.decodeSnapshot(EventCodec.mapper().writeValueAsBytes(tree));
    }

    /** Returns {@code snapshot} with the field {@code field} removed from the engine's JSON. */
    public static HostSnapshotCollected withoutEngineField(HostSnapshotCollected snapshot, String field) {
        ObjectNode tree = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(snapshot));
        ((ObjectNode) tree.get("engine")).remove(field);
        return EventCodec.decodeSnapshot(EventCodec.mapper().writeValueAsBytes(tree));
    }

    /** Builds a snapshot of one host. */
    public static final class SnapshotBuilder {

        private String hostId = "host-1";
        private long sequence = 1;
        private EngineInfo engine = new EngineBuilder().build();
        private final Map<String, DaemonSetting> settings = new LinkedHashMap<>();
        private final List<ContainerFacts> containers = new ArrayList<>();
        private final List<ImageFacts> images = new ArrayList<>(List.of(image(BUSYBOX, BUSYBOX_ID)));
        private final List<NetworkFacts> networks = new ArrayList<>(List.of(
                network("host", "host", Map.of()),
                network("none", "null", Map.of())));

        public SnapshotBuilder hostId(String value) {
            hostId = value;
            return this;
        }

        public SnapshotBuilder sequence(long value) {
            sequence = value;
            return this;
        }

        public SnapshotBuilder engine(EngineBuilder value) {
            engine = value.build();
            return this;
        }

        public SnapshotBuilder daemonJson(String key, Object value) {
            settings.put(key, new DaemonSetting(value, SettingSource.DAEMON_JSON));
            return this;
        }

        public SnapshotBuilder commandLine(String key, Object value) {
            settings.put(key, new DaemonSetting(value, SettingSource.COMMAND_LINE));
            return this;
        }

        public SnapshotBuilder containers(ContainerBuilder... values) {
            for (ContainerBuilder value : values) {
                containers.add(value.build());
            }
            return this;
        }

        public SnapshotBuilder images(ImageFacts... values) {
            images.clear();
            images.addAll(List.of(values));
            return this;
        }

        public SnapshotBuilder networks(NetworkFacts... values) {
            networks.clear();
            networks.addAll(List.of(values));
            return this;
        }

        public HostSnapshotCollected build() {
            DaemonConfig daemon = new DaemonConfig(DAEMON_JSON, true, null, settings);
            return new HostSnapshotCollected(HostSnapshotCollected.SCHEMA_VERSION, "snapshot-" + hostId + "-" + sequence,
                    Instant.parse("2026-12-01T10:00:00Z"), new HostDescriptor(hostId, hostId, Map.of(), "test"),
                    sequence, "interval", engine, daemon, containers, images, networks);
        }
    }

    /** Builds the engine's {@code /info} facts, by default with seccomp, live restore and gelf logging. */
    public static final class EngineBuilder {

        private List<String> securityOptions = List.of("name=seccomp,profile=default");
        private Boolean liveRestoreEnabled = true;
        private String loggingDriver = "gelf";
        private String swarmNodeState = "inactive";

        public EngineBuilder securityOptions(String... values) {
            securityOptions = List.of(values);
            return this;
        }

        public EngineBuilder liveRestoreEnabled(Boolean value) {
            liveRestoreEnabled = value;
            return this;
        }

        public EngineBuilder loggingDriver(String value) {
            loggingDriver = value;
            return this;
        }

        public EngineBuilder swarmNodeState(String value) {
            swarmNodeState = value;
            return this;
        }

        public EngineInfo build() {
            return new EngineInfo("engine-1", "20.10.24", "1.41", "Debian GNU/Linux 12", "6.1.0", "x86_64",
                    "overlay2", "/var/lib/docker", loggingDriver, "cgroupfs", "2", securityOptions, liveRestoreEnabled,
                    "runc", swarmNodeState, false, Map.of());
        }
    }

    /** Builds a container whose defaults pass every container check. */
    public static final class ContainerBuilder {

        private final String name;
        private String image = BUSYBOX;
        private String imageId = BUSYBOX_ID;
        private String state = "running";
        private boolean running = true;
        private String user = "1000:1000";
        private boolean privileged;
        private String networkMode = "fleetbench";
        private String pidMode = "";
        private boolean readonlyRootfs = true;
        private List<String> capAdd = List.of();
        private List<String> securityOpt = List.of("no-new-privileges:true");
        private Long memoryBytes = 256L * 1024 * 1024;
        private Long cpuShares = 512L;
        private Long nanoCpus = 0L;
        private Long pidsLimit = 100L;
        private List<MountFacts> mounts = List.of();
        private List<PortBindingFacts> ports = List.of();
        private List<EnvVariable> env = List.of(plainVariable("PATH"));

        ContainerBuilder(String name) {
            this.name = name;
        }

        public ContainerBuilder image(String reference, String id) {
            image = reference;
            imageId = id;
            return this;
        }

        public ContainerBuilder stopped(String value) {
            state = value;
            running = false;
            return this;
        }

        public ContainerBuilder user(String value) {
            user = value;
            return this;
        }

        public ContainerBuilder privileged() {
            privileged = true;
            return this;
        }

        public ContainerBuilder networkMode(String value) {
            networkMode = value;
            return this;
        }

        public ContainerBuilder pidMode(String value) {
            pidMode = value;
            return this;
        }

        public ContainerBuilder writableRootfs() {
            readonlyRootfs = false;
            return this;
        }

        public ContainerBuilder capAdd(String... values) {
            capAdd = List.of(values);
            return this;
        }

        public ContainerBuilder securityOpt(String... values) {
            securityOpt = List.of(values);
            return this;
        }

        public ContainerBuilder memoryBytes(Long value) {
            memoryBytes = value;
            return this;
        }

        public ContainerBuilder cpu(Long shares, Long nanos) {
            cpuShares = shares;
            nanoCpus = nanos;
            return this;
        }

        public ContainerBuilder pidsLimit(Long value) {
            pidsLimit = value;
            return this;
        }

        public ContainerBuilder mounts(MountFacts... values) {
            mounts = List.of(values);
            return this;
        }

        public ContainerBuilder ports(PortBindingFacts... values) {
            ports = List.of(values);
            return this;
        }

        public ContainerBuilder env(EnvVariable... values) {
            env = List.of(values);
            return this;
        }

        public ContainerBuilder with(Consumer<ContainerBuilder> change) {
            change.accept(this);
            return this;
        }

        public ContainerFacts build() {
            return new ContainerFacts("id-" + name, name, image, imageId, Instant.parse("2026-11-30T09:00:00Z"), state,
                    running, user, privileged, networkMode, pidMode, "private", "", "", "private", readonlyRootfs,
                    capAdd, List.of("ALL"), securityOpt, memoryBytes, cpuShares, nanoCpus, pidsLimit, mounts, ports,
                    env, Map.of(), "on-failure", 5, true, "docker-default", "", List.of(), List.of(networkMode),
                    "json-file");
        }
    }
}
