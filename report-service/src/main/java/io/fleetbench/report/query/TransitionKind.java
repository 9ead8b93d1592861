package io.fleetbench.report.query;

/** The kind of change of a finding between two applied reports of one host. */
public enum TransitionKind {
    /** The finding appeared for the first time, or again after it was resolved. */
    OPENED,
    /** The finding is missing from the newer report, for example because the container was removed. */
    RESOLVED,
    /** The finding is in both reports with different statuses. */
    STATUS_CHANGED,
    /** A waiver started to cover the WARN finding, when the waiver was created or when the finding arrived. */
    WAIVED,
    /** The waiver that covered the finding expired, so the finding counts as WARN again. */
    WAIVER_EXPIRED,
    /** The waiver that covered the finding was revoked, so the finding counts as WARN again. */
    WAIVER_REVOKED
}
