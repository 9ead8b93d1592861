package io.fleetbench.report.stream;

import io.fleetbench.model.finding.Status;
import io.fleetbench.report.query.TransitionKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One transition as the stream sends it: the fields of the history API plus the host id.
 *
 * @param transitionId position in the history, also the SSE event id
 * @param hostId host of the finding
 * @param benchmarkVersion catalogue version of the finding
 * @param checkId recommendation id
 * @param targetKey stable key of the target
 * @param title recommendation title
 * @param kind what changed
 * @param fromStatus status before the change, or {@code null} for an opened finding
 * @param toStatus status after the change, or {@code null} for a resolved finding
 * @param reason the verdict's reason after the change
 * @param occurredAt when the change was observed
 * @param snapshotSequence sequence of the snapshot that showed the change
 */
public record StreamedTransition(
        long transitionId,
        String hostId,
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
