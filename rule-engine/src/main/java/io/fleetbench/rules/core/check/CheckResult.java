package io.fleetbench.rules.core.check;

import io.fleetbench.model.finding.Status;
import java.util.Objects;

/**
 * The verdict of one check on one target.
 *
 * @param target what the verdict is about
 * @param status the verdict
 * @param reason the value that decided the verdict and where it came from
 */
public record CheckResult(Target target, Status status, String reason) {

    public CheckResult {
        Objects.requireNonNull(target, "check result target is missing");
        Objects.requireNonNull(status, "check result status is missing");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("check result on " + target.key() + " has no reason");
        }
    }

    /** Attaches {@code assessment} to {@code target}. */
    public static CheckResult of(Target target, Assessment assessment) {
        return new CheckResult(target, assessment.status(), assessment.reason());
    }
}
