package io.fleetbench.report.query;

import io.fleetbench.model.finding.Status;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change of a finding.
 *
 * @param transitionId position in the history, where a larger id was recorded later
 * @param benchmarkVersion catalogue version of the finding
 * @param checkId recommendation id
 * @param targetKey stable key of the target
 * @param title recommendation title
 * @param kind what changed
 * @param fromStatus status before the change, or {@code null} for an opened finding
 * @param toStatus status after the change, or {@code null} for a resolved finding
 * @param reason the verdict's reason after the change, or the last one before a finding was resolved
 * @param occurredAt collection time of the snapshot in which the change was observed
 * @param snapshotSequence sequence of that snapshot
 */
public record TransitionView(
        long transitionId,
        String benchmarkVersion,
        String checkId,
        String targetKey,
        String title,
        TransitionKind kind,
        @Nullable Status fromStatus,
        @Nullable Status toStatus,
        String reason,
        Instant occurredAt,
        long snapshotSequence) {
}
