package io.fleetbench.report.query;

import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The current result of one check on one target of a host.
 *
 * @param checkId recommendation id in the benchmark version, such as {@code 5.10}
 * @param title recommendation title
 * @param section benchmark section
 * @param scored whether the benchmark counts the recommendation in the score
 * @param targetKind kind of target
 * @param targetKey stable key of the target, such as {@code container:web}
 * @param targetId engine id of the target, or {@code null} where it has none
 * @param status the verdict
 * @param reason the value that decided the verdict
 * @param remediation how to fix a failing target, or {@code null}
 * @param firstSeen collection time of the snapshot in which the finding appeared
 * @param lastChanged collection time of the snapshot in which the status last changed
 * @param waived whether an active waiver covers the finding. {@code status} stays the verdict, such as WARN
 * @param waiverId id of that waiver, or {@code null} when {@code waived} is false
 */
public record FindingView(
        String checkId,
        String title,
        String section,
        boolean scored,
        TargetKind targetKind,
        String targetKey,
        @Nullable String targetId,
        Status status,
        String reason,
        @Nullable String remediation,
        Instant firstSeen,
        Instant lastChanged,
        boolean waived,
        @Nullable Long waiverId) {
}
