package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import io.fleetbench.rules.core.catalogue.Recommendation;
import java.util.List;

/**
 * The checks a report keeps, from {@code --checks} and {@code --exclude-checks}. A selector is a recommendation id
 * ({@code 5.5}) or a section prefix ({@code 5}, {@code 2}) that selects every id below it; ids compare
 * case-insensitively, so {@code fb.1} selects {@code FB.1}.
 *
 * @param included the selectors to keep, or empty to keep every check
 * @param excluded the selectors to drop; an exclusion wins over an inclusion
 */
record CheckSelection(List<String> included, List<String> excluded) {

    CheckSelection {
        included = included.stream().map(String::strip).filter(selector -> !selector.isEmpty()).toList();
        excluded = excluded.stream().map(String::strip).filter(selector -> !selector.isEmpty()).toList();
    }

    /**
     * Checks that every selector matches a recommendation of {@code catalogue} and that the selection keeps at least
     * one, so a typo or an overlap cannot silently empty the report.
     *
     * @throws AuditUsageException naming the first selector that matches nothing
     */
    void validate(BenchmarkCatalogue catalogue) {
        validate("--checks", included, catalogue);
        validate("--exclude-checks", excluded, catalogue);
        boolean anyKept = catalogue.recommendations().stream().map(Recommendation::id).anyMatch(this::keeps);
        if (!anyKept) {
            throw new AuditUsageException("--exclude-checks " + String.join(",", excluded)
                    + " removes every check that " + (included.isEmpty() ? "the catalogue has"
                            : "--checks " + String.join(",", included) + " selects")
                    + ", so the report would be empty: exclude fewer checks");
        }
    }

    /** Returns whether the check numbered {@code checkId} stays in the report. */
    boolean keeps(String checkId) {
        boolean included = this.included.isEmpty() || this.included.stream().anyMatch(selector -> matches(selector, checkId));
        return included && excluded.stream().noneMatch(selector -> matches(selector, checkId));
    }

    /** Returns {@code report} with only the findings of the selected checks. */
    HostFindingsEvaluated apply(HostFindingsEvaluated report) {
        if (included.isEmpty() && excluded.isEmpty()) {
            return report;
        }
        List<Finding> kept = report.findings().stream().filter(finding -> keeps(finding.checkId())).toList();
        return new HostFindingsEvaluated(report.schemaVersion(), report.eventId(), report.occurredAt(), report.host(),
                report.snapshotSequence(), report.snapshotEventId(), report.snapshotCollectedAt(),
                report.engineVersion(), report.benchmarkId(), report.benchmarkVersion(), kept);
    }

    static boolean matches(String selector, String checkId) {
        return checkId.equalsIgnoreCase(selector)
                || checkId.regionMatches(true, 0, selector + ".", 0, selector.length() + 1);
    }

    private static void validate(String option, List<String> selectors, BenchmarkCatalogue catalogue) {
        for (String selector : selectors) {
            boolean known = catalogue.recommendations().stream()
                    .map(Recommendation::id)
                    .anyMatch(id -> matches(selector, id));
            if (!known) {
                throw new AuditUsageException(option + " '" + selector + "' matches no recommendation of "
                        + catalogue.title() + ": give an id such as 5.5 or a section such as 5 (the catalogue has "
                        + String.join(", ", catalogue.recommendations().stream().map(Recommendation::id).toList())
                        + ")");
            }
        }
    }
}
