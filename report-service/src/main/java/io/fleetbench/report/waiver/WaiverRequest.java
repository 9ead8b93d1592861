package io.fleetbench.report.waiver;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/waivers}. The creator is the authenticated user from the
 * {@code X-Fleetbench-User} header, never a body field.
 *
 * @param checkId recommendation id, such as {@code 5.10}
 * @param hostId scope: one host
 * @param hostLabel scope: hosts with the label {@code key=value}
 * @param containerPattern scope: containers whose name matches the glob
 * @param imagePattern scope: images whose reference matches the glob
 * @param reason why the findings are accepted
 * @param owner who is responsible for the accepted risk
 * @param approver who approved the waiver, who must not be its creator
 * @param expiresAt when the waiver ends
 */
public record WaiverRequest(
        @Nullable String checkId,
        @Nullable String hostId,
        @Nullable String hostLabel,
        @Nullable String containerPattern,
        @Nullable String imagePattern,
        @Nullable String reason,
        @Nullable String owner,
        @Nullable String approver,
        @Nullable Instant expiresAt) {
}
