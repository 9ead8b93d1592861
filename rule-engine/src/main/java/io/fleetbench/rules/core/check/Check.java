package io.fleetbench.rules.core.check;

import io.fleetbench.model.finding.TargetKind;
import java.util.List;

/**
 * One assertion about a host, evaluated purely from its snapshot. A check carries no benchmark number, because the
 * catalogue maps a recommendation to the check's {@link #key()}.
 *
 * <p>Implementations return at least one result, so that no recommendation is silently missing from a report. A
 * check about containers or images returns one result per container or image, or one result on the host when there
 * is none.
 */
public interface Check {

    /** Returns the stable name that catalogues use for this check, such as {@code no-privileged-containers}. */
    String key();

    /** Returns the kind of target this check is about. */
    TargetKind targetKind();

    /** Evaluates the snapshot in {@code context} and returns one result per target. */
    List<CheckResult> evaluate(CheckContext context);
}
