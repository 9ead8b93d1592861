package io.fleetbench.model.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

class ReportFormatsTests {

    private static Finding finding(String checkId, String name, Status status, String reason) {
        return new Finding(checkId, "Title of " + checkId, "Container Runtime", true, TargetKind.CONTAINER,
                TargetKind.CONTAINER.key(name), name + "-id", status, reason, status == Status.PASS ? null : "fix it");
    }

    private static HostFindingsEvaluated report(List<Finding> findings) {
        return report("h-1", "web-01", "1.6.0", findings);
    }

    private static HostFindingsEvaluated report(String hostId, String hostName, String benchmarkVersion,
            List<Finding> findings) {
        return new HostFindingsEvaluated(1, "rep-" + hostId, Instant.EPOCH,
                new HostDescriptor(hostId, hostName, Map.of(), "0.1.0"), 3, "snap", Instant.EPOCH, "20.10.24",
                "cis-docker", benchmarkVersion, findings);
    }

    @Test
    void summaryScoresByCheckVerdict() {
        ReportSummary summary = ReportSummary.of(report(List.of(
                finding("5.5", "a", Status.WARN, "Privileged is true"),
                finding("5.5", "b", Status.PASS, "Privileged is false"),
                finding("5.10", "a", Status.PASS, "NetworkMode is none"),
                finding("5.12", "a", Status.INFO, "unknown"))));

        assertThat(summary.checks()).isEqualTo(3);
        assertThat(summary.score()).isZero();
        assertThat(summary.pass()).isEqualTo(2);
        assertThat(summary.warn()).isEqualTo(1);
        assertThat(summary.info()).isEqualTo(1);
    }

    @Test
    void junitEscapesReasonsAndSkipsInfo() {
        String xml = JunitXml.render(report(List.of(
                finding("5.5", "a", Status.WARN, "value <\"quoted\"> & more"),
                finding("5.12", "a", Status.INFO, "cannot decide"))));

        assertThat(xml).contains("message=\"value &lt;&quot;quoted&quot;&gt; &amp; more\"");
        assertThat(xml).contains("<skipped message=\"INFO: cannot decide\"/>");
        assertThat(xml).contains("<testsuite name=\"5 - Container Runtime\" tests=\"2\" failures=\"1\" skipped=\"1\"");
    }

    @Test
    void sarifRejectsFindingWithoutRule() {
        HostFindingsEvaluated report = report(List.of(finding("5.5", "a", Status.WARN, "Privileged is true")));

        assertThatThrownBy(() -> new SarifLog("1.0").render(report, List.of(), FindingLocator.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finding 5.5 on container:a has no rule");
    }

    @Test
    void sarifPlacesLocatedFindingInFile() {
        HostFindingsEvaluated report = report(List.of(finding("5.5", "a", Status.WARN, "Privileged is true")));
        FindingLocator locator = located -> Optional.of(new FindingLocation("compose.yml", 12, 5));

        String sarif = new SarifLog("1.0").render(report, RuleDescription.fromFindings(report), locator);

        assertThat(sarif).contains("\"uri\" : \"compose.yml\"").contains("\"startLine\" : 12")
                .contains("\"startColumn\" : 5").contains("\"fleetbenchFindingKey/v1\" : \"h-1/1.6.0/5.5/container:a\"");
    }

    @Test
    void jsonOmitsLocationsForEngineReports() {
        String json = ReportJson.render(report(List.of(finding("5.5", "a", Status.WARN, "Privileged is true"))));

        assertThat(json).contains("\"summary\"").contains("\"warn\" : 1").doesNotContain("\"locations\"");
    }

    @Test
    void pascalCaseJoinsKeyWords() {
        assertThat(RuleDescription.pascalCase("no-privileged-containers")).isEqualTo("NoPrivilegedContainers");
    }

    @Test
    void sarifFleetRunKeepsHostsApart() {
        HostFindingsEvaluated first = report("h-1", "web-01", "1.6.0", List.of(
                finding("5.5", "a", Status.WARN, "Privileged is true"),
                finding("5.10", "a", Status.PASS, "Memory is set")));
        HostFindingsEvaluated second = report("h-2", "web-02", "1.8.0", List.of(
                finding("5.5", "a", Status.INFO, "cannot decide")));
        Map<String, List<RuleDescription>> rules = new LinkedHashMap<>();
        rules.put("1.6.0", RuleDescription.fromFindings(first));
        rules.put("1.8.0", RuleDescription.fromFindings(second));

        SarifLog.FleetRun run = new SarifLog("1.0").fleetRun(rules);
        String sarif = run.start() + run.results(first) + run.results(second) + run.finish();
        JsonNode log = EventCodec.mapper().readTree(sarif);

        assertThat(log.at("/runs").size()).isEqualTo(1);
        assertThat(log.at("/runs/0/tool/extensions/1/name").asString()).isEqualTo("cis-docker-1.8.0");
        assertThat(log.at("/runs/0/tool/extensions/0/rules/1/id").asString()).isEqualTo("5.10");
        JsonNode results = log.at("/runs/0/results");
        assertThat(results.size()).isEqualTo(2);
        assertThat(results.get(0).at("/rule/toolComponent/index").asInt()).isZero();
        assertThat(results.get(0).at("/rule/index").asInt()).isZero();
        assertThat(results.get(0).has("ruleIndex")).isFalse();
        assertThat(results.get(1).at("/rule/toolComponent/index").asInt()).isEqualTo(1);
        assertThat(results.get(1).at("/properties/hostId").asString()).isEqualTo("h-2");
        assertThat(results.get(1).at("/partialFingerprints/fleetbenchFindingKey~1v1").asString())
                .isEqualTo("h-2/1.8.0/5.5/container:a");
        assertThat(results.get(1).at("/locations/0/logicalLocations/0/fullyQualifiedName").asString())
                .isEqualTo("h-2/container:a");
        assertThat(results.get(1).at("/message/text").asString()).isEqualTo("web-02 (h-2) container:a: cannot decide");
    }

    @Test
    void sarifFleetRunWithoutHostsIsValid() {
        SarifLog.FleetRun run = new SarifLog("1.0").fleetRun(Map.of());

        JsonNode log = EventCodec.mapper().readTree(run.start() + run.finish());

        assertThat(log.at("/runs/0/results").isArray()).isTrue();
        assertThat(log.at("/runs/0/results").size()).isZero();
        assertThat(log.at("/runs/0/tool/driver/name").asString()).isEqualTo("fleetbench");
    }

    @Test
    void sarifFleetResultWithoutRuleKeepsRuleId() {
        HostFindingsEvaluated report = report(List.of(finding("5.5", "a", Status.WARN, "Privileged is true")));
        SarifLog.FleetRun run = new SarifLog("1.0").fleetRun(Map.of());

        JsonNode log = EventCodec.mapper().readTree(run.start() + run.results(report) + run.finish());

        assertThat(log.at("/runs/0/results/0/ruleId").asString()).isEqualTo("5.5");
        assertThat(log.at("/runs/0/results/0").has("rule")).isFalse();
    }

    @Test
    void junitFleetHasSuitePerHost() throws Exception {
        HostFindingsEvaluated first = report("h-1", "web-01", "1.6.0", List.of(
                finding("5.10", "a", Status.PASS, "Memory is set"),
                finding("5.5", "a", Status.WARN, "value <\"quoted\"> & more")));
        HostFindingsEvaluated second = report("h-2", "web-02", "1.6.0", List.of(
                finding("5.5", "a", Status.NOTE, "check by hand")));

        String xml = JunitXml.fleetStart("fleet & co") + JunitXml.fleetSuite(first) + JunitXml.fleetSuite(second)
                + JunitXml.fleetEnd();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element root = document.getDocumentElement();
        assertThat(root.getAttribute("name")).isEqualTo("fleet & co");
        assertThat(root.getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        Element firstSuite = (Element) root.getElementsByTagName("testsuite").item(0);
        assertThat(firstSuite.getAttribute("name")).isEqualTo("web-01 (h-1)");
        assertThat(firstSuite.getAttribute("failures")).isEqualTo("1");
        assertThat(firstSuite.getAttribute("hostname")).isEqualTo("web-01");
        Element firstCase = (Element) firstSuite.getElementsByTagName("testcase").item(0);
        assertThat(firstCase.getAttribute("classname")).isEqualTo("h-1.cis-docker-1.6.0.5.5");
        Element secondSuite = (Element) root.getElementsByTagName("testsuite").item(1);
        assertThat(secondSuite.getAttribute("skipped")).isEqualTo("1");
        assertThat(((Element) secondSuite.getElementsByTagName("property").item(0)).getAttribute("value"))
                .isEqualTo("h-2");
    }
}
