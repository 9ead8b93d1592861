package io.fleetbench.report.query;

/** How a finding changed between two applied reports of one host. */
public enum TransitionKind {
    /** The finding appeared for the first time, or again after it was resolved. */
    OPENED,
    /** The finding is missing from the newer report, for example because the container was removed. */
    RESOLVED,
    /** The finding is in both reports with different statuses. */
    STATUS_CHANGED
}
