package io.fleetbench.model.report;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an audit report as pretty-printed JSON: {@code report} is the report record in the same shape as the
 * {@code audit-reports.v1} topic carries it, {@code summary} holds the totals of {@link ReportSummary}, and
 * {@code locations} (present only for file audits) maps findings to file positions. These field names are a
 * stable interface for scripts.
 */
public final class ReportJson {

    private static final JsonMapper MAPPER = EventCodec.mapper();

    private ReportJson() {
    }

    /** Renders {@code report} without file locations. */
    public static String render(HostFindingsEvaluated report) {
        return render(report, FindingLocator.NONE);
    }

    /** Renders {@code report}, with a {@code locations} entry for every finding that {@code locator} places. */
    public static String render(HostFindingsEvaluated report, FindingLocator locator) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("report", MAPPER.valueToTree(report));
        root.set("summary", MAPPER.valueToTree(ReportSummary.of(report)));
        ArrayNode locations = MAPPER.createArrayNode();
        for (Finding finding : report.findings()) {
            Optional<FindingLocation> location = locator.locate(finding);
            if (location.isPresent()) {
                ObjectNode entry = locations.addObject();
                entry.put("checkId", finding.checkId());
                entry.put("targetKey", finding.targetKey());
                entry.put("uri", location.get().uri());
                entry.put("line", location.get().line());
                entry.put("column", location.get().column());
            }
        }
        if (!locations.isEmpty()) {
            root.set("locations", locations);
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
