package io.fleetbench.report.store;

import org.jspecify.annotations.Nullable;

/**
 * The result of offering one report to the store.
 *
 * @param applied whether the report changed the stored state. It is {@code false} when the report's snapshot
 *     sequence was not newer than the host's last applied one
 * @param previousSequence the host's last applied snapshot sequence before this report, or {@code null} for a new
 *     host
 * @param opened number of findings opened
 * @param statusChanged number of findings whose status changed
 * @param resolved number of findings resolved
 * @param rowsWritten current-result rows inserted, updated or deleted
 */
public record ApplyOutcome(
        boolean applied,
        @Nullable Long previousSequence,
        int opened,
        int statusChanged,
        int resolved,
        int rowsWritten) {

    static ApplyOutcome skipped(long previousSequence) {
        return new ApplyOutcome(false, previousSequence, 0, 0, 0, 0);
    }

    /** Returns whether any finding was opened, changed or resolved. */
    public boolean hasTransitions() {
        return opened + statusChanged + resolved > 0;
    }
}
