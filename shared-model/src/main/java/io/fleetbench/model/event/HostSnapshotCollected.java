package io.fleetbench.model.event;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.EngineInfo;
import io.fleetbench.model.snapshot.HostFacts;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.NetworkFacts;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The full configuration of one Docker engine and its host, as collected at one moment. It is free of secret
 * values: environment values, build-arg values and secret-looking label values are removed on the agent.
 *
 * @param schemaVersion major version of this record's JSON shape
 * @param eventId unique id of this snapshot
 * @param occurredAt when collection finished
 * @param host the engine's identity
 * @param sequence per-host sequence number, increasing across agent restarts
 * @param trigger what caused the collection: {@code startup}, {@code interval}, {@code resync} or an engine
 *     event such as {@code event:container:start:web}
 * @param engine the engine's version and {@code /info} facts
 * @param daemon the daemon's effective configuration
 * @param containers every container, running or stopped
 * @param images every image
 * @param networks every network
 * @param hostFacts mounts, groups, security modules, audit rules, file modes, the dockerd process and swarm state;
 *     {@code null} from agents that do not collect them
 * @param recentEvents the runtime events the agent observed shortly before this snapshot, oldest first. The agent
 *     bounds this window by count and age. Agents older than this field send none, which reads as an empty list.
 */
public record HostSnapshotCollected(
        int schemaVersion,
        String eventId,
        Instant occurredAt,
        HostDescriptor host,
        long sequence,
        String trigger,
        EngineInfo engine,
        DaemonConfig daemon,
        List<ContainerFacts> containers,
        List<ImageFacts> images,
        List<NetworkFacts> networks,
        @Nullable HostFacts hostFacts,
        List<RuntimeEventObserved> recentEvents) {

    /** Schema version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public HostSnapshotCollected {
        Objects.requireNonNull(eventId, "eventId is missing");
        Objects.requireNonNull(occurredAt, "occurredAt is missing");
        Objects.requireNonNull(host, "host is missing");
        Objects.requireNonNull(engine, "engine is missing");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence " + sequence + " is invalid: it must be 1 or more");
        }
        trigger = trigger == null ? "unknown" : trigger;
        daemon = daemon == null ? DaemonConfig.empty() : daemon;
        containers = containers == null ? List.of() : List.copyOf(containers);
        images = images == null ? List.of() : List.copyOf(images);
        networks = networks == null ? List.of() : List.copyOf(networks);
        recentEvents = recentEvents == null ? List.of() : List.copyOf(recentEvents);
    }

    /** Creates a snapshot without host facts and runtime events, as the first agents wrote them. */
    public HostSnapshotCollected(
            int schemaVersion,
            String eventId,
            Instant occurredAt,
            HostDescriptor host,
            long sequence,
            String trigger,
            EngineInfo engine,
            DaemonConfig daemon,
            List<ContainerFacts> containers,
            List<ImageFacts> images,
            List<NetworkFacts> networks) {
        this(schemaVersion, eventId, occurredAt, host, sequence, trigger, engine, daemon, containers, images, networks,
                null, List.of());
    }

    /** Returns a copy of this snapshot with {@code events} as its window of recent runtime events. */
    public HostSnapshotCollected withRecentEvents(List<RuntimeEventObserved> events) {
        return new HostSnapshotCollected(schemaVersion, eventId, occurredAt, host, sequence, trigger, engine, daemon,
                containers, images, networks, hostFacts, events);
    }

    /** Returns the host id, the Kafka key of this record. */
    public String hostId() {
        return host.id();
    }
}
