package io.fleetbench.report.query;

import io.fleetbench.model.snapshot.ContainerFacts;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The changes on one host between the snapshots in effect at two times.
 *
 * @param hostId stable host id
 * @param from the snapshot in effect at the earlier time
 * @param to the snapshot in effect at the later time
 * @param containersAdded containers in {@code to} whose name is not in {@code from}
 * @param containersRemoved containers in {@code from} whose name is not in {@code to}
 * @param containersChanged containers in both whose facts differ, with each differing field
 * @param daemonChanges daemon settings that were added, removed or changed, by daemon.json key
 * @param engineChanges engine facts (version, drivers, security options) that changed
 * @param findingsOpened findings opened by reports of snapshots after {@code from} up to {@code to}
 * @param findingsResolved findings resolved in that range
 * @param findingsChanged findings whose status changed in that range
 */
public record HostDiff(
        String hostId,
        SnapshotRef from,
        SnapshotRef to,
        List<ContainerFacts> containersAdded,
        List<ContainerFacts> containersRemoved,
        List<ContainerChange> containersChanged,
        List<FieldChange> daemonChanges,
        List<FieldChange> engineChanges,
        List<TransitionView> findingsOpened,
        List<TransitionView> findingsResolved,
        List<TransitionView> findingsChanged) {

    /**
     * A snapshot that a diff compares.
     *
     * @param snapshotSequence the snapshot's sequence
     * @param collectedAt when it was collected
     */
    public record SnapshotRef(long snapshotSequence, Instant collectedAt) {
    }

    /**
     * One container's differing fields.
     *
     * @param name container name, the key by which containers are matched because a redeploy changes the id
     * @param changes each field whose value differs
     */
    public record ContainerChange(String name, List<FieldChange> changes) {
    }

    /**
     * One field's value before and after, as JSON. A missing value is {@code null}.
     *
     * @param field field name, such as {@code privileged} or the daemon.json key {@code icc}
     * @param before the value in the earlier snapshot
     * @param after the value in the later snapshot
     */
    public record FieldChange(String field, @Nullable JsonNode before, @Nullable JsonNode after) {
    }
}
