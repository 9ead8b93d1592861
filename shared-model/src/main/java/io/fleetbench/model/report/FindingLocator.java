package io.fleetbench.model.report;

import io.fleetbench.model.finding.Finding;
import java.util.Optional;

/** Finds the source location of a finding, where it has one; reports about a running engine have none. */
@FunctionalInterface
public interface FindingLocator {

    /** A locator for reports about a running engine, whose findings point at targets, not at files. */
    FindingLocator NONE = finding -> Optional.empty();

    /** Returns the location of {@code finding}, or empty where it has none. */
    Optional<FindingLocation> locate(Finding finding);
}
