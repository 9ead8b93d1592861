package io.fleetbench.report.waiver;

import java.time.Instant;

/**
 * One entry of a waiver's change log.
 *
 * @param changeId position in the log, where a larger id was recorded later
 * @param action {@code CREATED}, {@code REVOKED} or {@code EXPIRED}
 * @param actor the authenticated user who made the change, or {@code fleetbench} for the expiry job
 * @param occurredAt when the change was made
 * @param findings number of current findings that the change waived or re-opened
 */
public record WaiverChange(long changeId, String action, String actor, Instant occurredAt, int findings) {
}
