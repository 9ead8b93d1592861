package io.fleetbench.model.report;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an audit report as a SARIF 2.1.0 log for code-scanning dashboards. The tool driver is {@code fleetbench}
 * and its rules are the report's recommendations. Each finding that did not pass becomes a result: WARN is level
 * {@code error}, INFO {@code warning} and NOTE {@code note}. A result's location is the file position where the
 * locator gives one, else a logical location named by the target key. Its partial fingerprint is the finding key
 * (host id, benchmark version, check id, target key), so dashboards track one finding across runs.
 */
public final class SarifLog {

    /** The schema URI that SARIF 2.1.0 consumers recognise. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /** The key of the finding-key fingerprint in {@code partialFingerprints}. */
    public static final String FINDING_KEY_FINGERPRINT = "fleetbenchFindingKey/v1";

    private static final JsonMapper MAPPER = EventCodec.mapper();

    private final String toolVersion;

    /** Creates a renderer that names {@code toolVersion} as the fleetbench driver's version. */
    public SarifLog(String toolVersion) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** Renders {@code report} with rules described from its own findings and no file locations. */
    public String render(HostFindingsEvaluated report) {
        return render(report, RuleDescription.fromFindings(report), FindingLocator.NONE);
    }

    /**
     * Renders {@code report}.
     *
     * @param rules the recommendations to list as rules; each finding's check id must be among them
     * @param locator gives file positions for file audits, or {@link FindingLocator#NONE}
     * @throws IllegalArgumentException if a finding's check id has no rule
     */
    public String render(HostFindingsEvaluated report, List<RuleDescription> rules, FindingLocator locator) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "fleetbench");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://www.cisecurity.org/benchmark/docker");
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleDescription rule : rules) {
            ruleIndex.put(rule.id(), ruleIndex.size());
            ruleNodes.add(ruleNode(rule, report.benchmarkVersion()));
        }

        ObjectNode properties = run.putObject("properties");
        properties.put("hostId", report.hostId());
        properties.put("hostName", report.host().name());
        properties.put("engineVersion", report.engineVersion());
        properties.put("benchmark", report.benchmarkId() + " " + report.benchmarkVersion());
        properties.put("evaluatedAt", report.occurredAt().toString());

        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            if (finding.status() == Status.PASS) {
                continue;
            }
            Integer index = ruleIndex.get(finding.checkId());
            if (index == null) {
                throw new IllegalArgumentException("finding " + finding.checkId() + " on " + finding.targetKey()
                        + " has no rule in the SARIF rules: pass a rule list that covers every check of the report");
            }
            results.add(resultNode(report, finding, index, locator.locate(finding)));
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static ObjectNode ruleNode(RuleDescription rule, String benchmarkVersion) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", rule.id());
        node.put("name", rule.name());
        node.putObject("shortDescription").put("text", rule.title());
        if (rule.remediation() != null) {
            node.putObject("help").put("text", rule.remediation().strip());
        }
        ObjectNode properties = node.putObject("properties");
        properties.put("section", rule.section());
        properties.put("scored", rule.scored());
        properties.put("benchmarkVersion", benchmarkVersion);
        return node;
    }

    private static ObjectNode resultNode(
            HostFindingsEvaluated report, Finding finding, int ruleIndex, Optional<FindingLocation> location) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ruleId", finding.checkId());
        node.put("ruleIndex", ruleIndex);
        node.put("level", level(finding.status()));
        node.putObject("message").put("text", finding.targetKey() + ": " + finding.reason());
        ObjectNode locationNode = node.putArray("locations").addObject();
        if (location.isPresent()) {
            ObjectNode physical = locationNode.putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", location.get().uri());
            ObjectNode region = physical.putObject("region");
            region.put("startLine", location.get().line());
            region.put("startColumn", location.get().column());
        }
        ObjectNode logical = locationNode.putArray("logicalLocations").addObject();
        logical.put("name", finding.targetKey());
        logical.put("fullyQualifiedName", report.hostId() + "/" + finding.targetKey());
        logical.put("kind", "resource");
        node.putObject("partialFingerprints").put(FINDING_KEY_FINGERPRINT, String.join("/", report.hostId(),
                report.benchmarkVersion(), finding.checkId(), finding.targetKey()));
        return node;
    }

    private static String level(Status status) {
        return switch (status) {
            case WARN -> "error";
            case INFO -> "warning";
            case NOTE, PASS -> "note";
        };
    }
}
