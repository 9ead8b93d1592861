package io.fleetbench.model.finding;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of one check on one target.
 *
 * @param checkId the recommendation id in the benchmark version, such as {@code 5.5}
 * @param title the recommendation's title
 * @param section the benchmark section, such as {@code Container Runtime}
 * @param scored whether the benchmark counts the recommendation in the score
 * @param targetKind what kind of target the finding is about
 * @param targetKey stable key of the target across runs, such as {@code container:web}
 * @param targetId engine id of the target where it has one (a container or image id), else {@code null}
 * @param status the verdict
 * @param reason the value that decided the verdict and where it came from
 * @param remediation how to fix a failing target, or {@code null}
 */
public record Finding(
        String checkId,
        String title,
        String section,
        boolean scored,
        TargetKind targetKind,
        String targetKey,
        @Nullable String targetId,
        Status status,
        String reason,
        @Nullable String remediation) {

    public Finding {
        Objects.requireNonNull(checkId, "finding.checkId is missing");
        Objects.requireNonNull(title, "finding.title is missing");
        Objects.requireNonNull(targetKind, "finding.targetKind is missing");
        Objects.requireNonNull(targetKey, "finding.targetKey is missing");
        Objects.requireNonNull(status, "finding.status is missing");
        section = section == null ? "" : section;
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("finding " + checkId + " on " + targetKey + " has no reason");
        }
    }
}
