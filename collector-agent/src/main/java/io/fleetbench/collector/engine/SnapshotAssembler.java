package io.fleetbench.collector.engine;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ImageHistory;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.SwarmInfo;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import io.fleetbench.collector.redaction.SecretDetector;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.EngineInfo;
import io.fleetbench.model.snapshot.HostFacts;
import io.fleetbench.model.snapshot.ImageHistoryEntry;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.NetworkFacts;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Turns docker-java's Engine API models into a {@link HostSnapshotCollected}. It talks to no engine, so tests and
 * other modules can feed it captured JSON. Every secret value is dropped here, before anything is serialised:
 * environment entries keep only their names and a secret-likeness verdict, and secret-looking label values become
 * {@link SecretDetector#REDACTED}. In image histories, build-argument values and secret-looking values become
 * {@link SecretDetector#REDACTED} too.
 *
 * <p>Containers, images and networks come out sorted by name or reference, so two snapshots of an unchanged
 * engine differ only in their event id, time and sequence.
 */
public final class SnapshotAssembler {

    private final @Nullable BindSourceResolver bindSources;

    /**
     * Creates an assembler that keeps bind mount sources as the engine reports them, for captured Engine API JSON and
     * for engines whose host file system the caller cannot read.
     */
    public SnapshotAssembler() {
        this.bindSources = null;
    }

    /**
     * Creates an assembler that also records where each bind mount's source leads on the host, following symbolic
     * links under {@code hostRoot}, the folder where the host's root folder is mounted for the agent.
     */
    public SnapshotAssembler(Path hostRoot) {
        this.bindSources = new BindSourceResolver(hostRoot);
    }

    /** Assembles a full snapshot of {@code engine} without host facts; see the other overloads. */
    public HostSnapshotCollected assemble(
            HostDescriptor host, long sequence, String trigger, Instant collectedAt, EngineState engine,
            DaemonConfig daemon) {
        return assemble(host, sequence, trigger, collectedAt, engine, daemon, null);
    }

    /**
     * Assembles a full snapshot of {@code engine} with image histories, and with {@code hostFacts} completed by
     * the engine's swarm state.
     */
    public HostSnapshotCollected assemble(
            HostDescriptor host, long sequence, String trigger, Instant collectedAt, EngineState engine,
            DaemonConfig daemon, @Nullable HostFacts hostFacts) {
        HostSnapshotCollected snapshot = assemble(host, sequence, trigger, collectedAt, engine.version(),
                engine.info(), engine.containers(), List.of(), engine.networks(), daemon);
        List<ImageFacts> images = engine.images().stream()
                .map(image -> imageFacts(image, engine.imageHistories().getOrDefault(image.getId(), List.of())))
                .sorted(Comparator.comparing(ImageFacts::reference).thenComparing(ImageFacts::id))
                .toList();
        HostFacts completed = hostFacts == null ? null : hostFacts.withSwarm(SwarmMapping.map(engine));
        return new HostSnapshotCollected(snapshot.schemaVersion(), snapshot.eventId(), snapshot.occurredAt(),
                snapshot.host(), snapshot.sequence(), snapshot.trigger(), snapshot.engine(), snapshot.daemon(),
                snapshot.containers(), images, snapshot.networks(), completed, List.of());
    }

    /**
     * Assembles a full snapshot with a new random event id.
     *
     * @param host the engine's identity
     * @param sequence the snapshot's per-host sequence number, 1 or more
     * @param trigger what caused the collection, such as {@code startup} or {@code interval}
     * @param collectedAt when collection finished
     * @param version the engine's {@code GET /version} response
     * @param info the engine's {@code GET /info} response
     * @param containers {@code GET /containers/{id}/json} for every container, running or not
     * @param images {@code GET /images/{id}/json} for every image
     * @param networks the engine's {@code GET /networks} response
     * @param daemon the daemon configuration read from the host
     */
    public HostSnapshotCollected assemble(
            HostDescriptor host,
            long sequence,
            String trigger,
            Instant collectedAt,
            Version version,
            Info info,
            List<InspectContainerResponse> containers,
            List<InspectImageResponse> images,
            List<Network> networks,
            DaemonConfig daemon) {
        return new HostSnapshotCollected(
                HostSnapshotCollected.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                collectedAt,
                host,
                sequence,
                trigger,
                engineInfo(version, info),
                daemon,
                containers.stream()
                        .map(this::containerFacts)
                        .sorted(Comparator.comparing(ContainerFacts::name))
                        .toList(),
                images.stream()
                        .map(this::imageFacts)
                        .sorted(Comparator.comparing(ImageFacts::reference).thenComparing(ImageFacts::id))
                        .toList(),
                networks.stream()
                        .map(this::networkFacts)
                        .sorted(Comparator.comparing(NetworkFacts::name))
                        .toList());
    }

    /**
     * Maps one {@code docker inspect} response, keeping environment names only and redacting labels. Bind mounts get
     * their resolved source where this assembler was created with a host root.
     */
    public ContainerFacts containerFacts(InspectContainerResponse container) {
        return ContainerMapping.map(container, bindSources);
    }

    /** Maps one {@code docker image inspect} response, keeping environment names only and redacting labels. */
    public ImageFacts imageFacts(InspectImageResponse image) {
        return imageFacts(image, List.of());
    }

    /**
     * Maps one {@code docker image inspect} response and its {@code GET /images/{id}/history} response, redacting
     * build-argument values and secret-looking values in every instruction.
     */
    public ImageFacts imageFacts(InspectImageResponse image, List<ImageHistory> history) {
        Objects.requireNonNull(image.getId(), "image inspect response has no Id");
        ContainerConfig config = image.getConfig() == null ? new ContainerConfig() : image.getConfig();
        return new ImageFacts(
                image.getId(),
                image.getRepoTags(),
                image.getRepoDigests(),
                RawValues.timestamp(image.getCreated()),
                config.getUser(),
                ContainerMapping.healthcheckConfigured(config.getHealthcheck()),
                SecretDetector.toEnvVariables(config.getEnv()),
                SecretDetector.redactLabels(config.getLabels()),
                image.getSize(),
                history.stream().map(SnapshotAssembler::historyEntry).toList());
    }

    private static ImageHistoryEntry historyEntry(ImageHistory layer) {
        Instant created = layer.getCreated() == null || layer.getCreated() <= 0 ? null
                : Instant.ofEpochSecond(layer.getCreated());
        String createdBy = layer.getCreatedBy() == null ? "" : HistoryRedaction.redact(layer.getCreatedBy());
        String comment = layer.getComment() == null ? null : HistoryRedaction.redact(layer.getComment());
        return new ImageHistoryEntry(layer.getId(), created, createdBy, comment, layer.getSize(), layer.getTags());
    }

    /** Maps one network from {@code GET /networks}. */
    public NetworkFacts networkFacts(Network network) {
        return new NetworkFacts(
                network.getId(),
                network.getName(),
                network.getDriver(),
                network.getScope(),
                Boolean.TRUE.equals(network.getInternal()),
                Boolean.TRUE.equals(network.isAttachable()),
                Boolean.TRUE.equals(network.getEnableIPv6()),
                network.getOptions());
    }

    /** Combines the engine's {@code /version} and {@code /info} responses. */
    public EngineInfo engineInfo(Version version, Info info) {
        SwarmInfo swarm = info.getSwarm();
        return new EngineInfo(
                info.getId(),
                version.getVersion() != null ? version.getVersion() : info.getServerVersion(),
                version.getApiVersion(),
                info.getOperatingSystem(),
                info.getKernelVersion(),
                info.getArchitecture(),
                info.getDriver(),
                info.getDockerRootDir(),
                info.getLoggingDriver(),
                info.getCGroupDriver(),
                info.getCGroupVersion(),
                info.getSecurityOptions(),
                RawValues.bool(info, "LiveRestoreEnabled"),
                RawValues.string(info, "DefaultRuntime"),
                SwarmMapping.localNodeState(info, swarm),
                swarm == null ? null : swarm.getControlAvailable(),
                componentVersions(version));
    }

    private static Map<String, String> componentVersions(Version version) {
        Map<String, String> versions = new TreeMap<>();
        List<VersionComponent> components = version.getComponents();
        if (components != null) {
            for (VersionComponent component : components) {
                if (component.getName() != null && component.getVersion() != null) {
                    versions.put(component.getName(), component.getVersion());
                }
            }
        }
        return versions;
    }
}
