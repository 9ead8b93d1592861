package io.fleetbench.model.finding;

/** Verdict of one check on one target, with the meanings docker-bench-security gives them. */
public enum Status {
    /** The target meets the recommendation. */
    PASS,
    /** The target fails the recommendation: a finding to fix or to waive. */
    WARN,
    /** The facts do not decide the recommendation, or it does not apply; the reason says what to check by hand. */
    INFO,
    /** A reminder about a recommendation that needs a human decision; never a failure. */
    NOTE
}
