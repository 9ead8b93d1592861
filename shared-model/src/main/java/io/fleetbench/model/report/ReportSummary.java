package io.fleetbench.model.report;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Totals of one audit report, counted the way {@link DockerBenchText} prints them.
 *
 * @param checks the number of distinct checks in the report
 * @param score docker-bench-security's score: each scored check adds one when it passes and subtracts one when it
 *     warns, by the check's aggregate verdict
 * @param pass the number of PASS findings
 * @param warn the number of WARN findings
 * @param info the number of INFO findings
 * @param note the number of NOTE findings
 */
public record ReportSummary(int checks, int score, long pass, long warn, long info, long note) {

    /** Counts the checks, the score and the findings per status of {@code report}. */
    public static ReportSummary of(HostFindingsEvaluated report) {
        Map<String, List<Finding>> byCheck = new TreeMap<>(CheckIdOrder.INSTANCE);
        for (Finding finding : report.findings()) {
            byCheck.computeIfAbsent(finding.checkId(), id -> new ArrayList<>()).add(finding);
        }
        int score = 0;
        for (List<Finding> findings : byCheck.values()) {
            Status verdict = DockerBenchText.aggregate(findings);
            if (findings.get(0).scored() && verdict == Status.PASS) {
                score++;
            } else if (findings.get(0).scored() && verdict == Status.WARN) {
                score--;
            }
        }
        Map<Status, Long> counts = report.countByStatus();
        return new ReportSummary(byCheck.size(), score, counts.get(Status.PASS), counts.get(Status.WARN),
                counts.get(Status.INFO), counts.get(Status.NOTE));
    }
}
