package io.fleetbench.report.waiver;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored waiver.
 *
 * @param waiverId id assigned on creation
 * @param checkId recommendation id the waiver applies to, in any benchmark version
 * @param scope where it applies
 * @param reason why the findings are accepted
 * @param owner who is responsible for the accepted risk
 * @param approver who approved it
 * @param createdBy authenticated user who created it
 * @param createdAt when it was created
 * @param expiresAt when it ends
 * @param revokedBy user who revoked it, or {@code null}
 * @param revokedAt when it was revoked, or {@code null}
 * @param state state at the time of the request
 */
public record Waiver(
        long waiverId,
        String checkId,
        WaiverScope scope,
        String reason,
        String owner,
        String approver,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable String revokedBy,
        @Nullable Instant revokedAt,
        State state) {

    /** Whether a waiver covers findings. */
    public enum State {
        /** Not revoked and not yet expired. */
        ACTIVE,
        /** Past its expiry time, whether the expiry job has re-opened its findings yet or not. */
        EXPIRED,
        /** Revoked before its expiry. */
        REVOKED
    }
}
