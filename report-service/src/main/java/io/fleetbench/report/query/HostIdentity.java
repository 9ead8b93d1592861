package io.fleetbench.report.query;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The identity and freshness of a host as its newest snapshot records them, including a conflict when two engines
 * send snapshots under one host id.
 *
 * @param hostId stable host id
 * @param name operator-given display name
 * @param labels operator labels
 * @param agentVersion version of the collector agent
 * @param engineId the engine's own ID from {@code /info}
 * @param engineVersion the engine's server version
 * @param dockerRootDir the engine's data root
 * @param lastSnapshotSequence sequence of the newest stored snapshot
 * @param lastCollectedAt collection time of that snapshot
 * @param stale whether that snapshot is older than {@code fleetbench.report.stale-after}
 * @param conflict the other engine that sent snapshots under this host id, or {@code null} when none did
 */
public record HostIdentity(
        String hostId,
        String name,
        Map<String, String> labels,
        String agentVersion,
        String engineId,
        String engineVersion,
        @Nullable String dockerRootDir,
        long lastSnapshotSequence,
        Instant lastCollectedAt,
        boolean stale,
        @Nullable IdentityConflict conflict) {

    /**
     * Another engine seen under the same host id, which means two agents claim one host id (for example a cloned
     * machine that kept the agent's state folder), or that the engine was reinstalled or moved to another data root.
     *
     * @param engineId the other engine's ID
     * @param dockerRootDir the other engine's data root
     * @param detectedAt when this service last stored a snapshot that showed the conflict
     */
    public record IdentityConflict(String engineId, @Nullable String dockerRootDir, Instant detectedAt) {
    }
}
