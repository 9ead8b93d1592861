package io.fleetbench.report.query;

import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The current result of one check on one target, with the host it belongs to: an item of the fleet-wide finding
 * lists.
 *
 * @param hostId stable host id
 * @param hostName display name of the host
 * @param benchmarkVersion catalogue version of the finding
 * @param checkId recommendation id
 * @param title recommendation title
 * @param section benchmark section
 * @param targetKind kind of target
 * @param targetKey stable key of the target, such as {@code container:web}
 * @param targetId engine id of the target, or {@code null}
 * @param status the verdict
 * @param reason the value that decided the verdict
 * @param firstSeen collection time of the snapshot in which the finding appeared
 * @param lastChanged collection time of the snapshot in which the status last changed
 * @param hostLastSeen collection time of the host's newest applied snapshot, which says how old this result is
 * @param waived whether an active waiver covers the finding. {@code status} stays the verdict, such as WARN
 * @param waiverId id of that waiver, or {@code null} when {@code waived} is false
 */
public record FleetFinding(
        String hostId,
        String hostName,
        String benchmarkVersion,
        String checkId,
        String title,
        String section,
        TargetKind targetKind,
        String targetKey,
        @Nullable String targetId,
        Status status,
        String reason,
        Instant firstSeen,
        Instant lastChanged,
        Instant hostLastSeen,
        boolean waived,
        @Nullable Long waiverId) {
}
