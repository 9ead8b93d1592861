package io.fleetbench.rules.core.check;

import io.fleetbench.model.finding.Status;
import java.util.Objects;

/**
 * A verdict with its reason, before it is attached to a target.
 *
 * @param status the verdict
 * @param reason the value that decided the verdict and where it came from, such as
 *     {@code HostConfig.Privileged is true}
 */
public record Assessment(Status status, String reason) {

    public Assessment {
        Objects.requireNonNull(status, "assessment status is missing");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("assessment with status " + status + " has no reason");
        }
    }

    public static Assessment pass(String reason) {
        return new Assessment(Status.PASS, reason);
    }

    public static Assessment warn(String reason) {
        return new Assessment(Status.WARN, reason);
    }

    public static Assessment info(String reason) {
        return new Assessment(Status.INFO, reason);
    }

    /** Returns this assessment with {@code note} appended to the reason. */
    public Assessment withNote(String note) {
        return new Assessment(status, reason + " " + note);
    }
}
