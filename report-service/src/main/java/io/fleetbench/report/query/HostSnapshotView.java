package io.fleetbench.report.query;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.EngineInfo;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.NetworkFacts;
import java.time.Instant;
import java.util.List;

/**
 * The stored facts of one snapshot of a host, free of secret values as the agent sent them.
 *
 * @param hostId stable host id
 * @param snapshotSequence the snapshot's sequence
 * @param eventId the snapshot's event id
 * @param collectedAt when the agent collected it
 * @param engine engine version and {@code /info} facts
 * @param daemon the daemon's effective configuration
 * @param containers every container, ordered by name
 * @param images every image
 * @param networks every network
 */
public record HostSnapshotView(
        String hostId,
        long snapshotSequence,
        String eventId,
        Instant collectedAt,
        EngineInfo engine,
        DaemonConfig daemon,
        List<ContainerFacts> containers,
        List<ImageFacts> images,
        List<NetworkFacts> networks) {
}
