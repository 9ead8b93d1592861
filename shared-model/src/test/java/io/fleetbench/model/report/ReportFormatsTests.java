package io.fleetbench.model.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportFormatsTests {

    private static Finding finding(String checkId, String name, Status status, String reason) {
        return new Finding(checkId, "Title of " + checkId, "Container Runtime", true, TargetKind.CONTAINER,
                TargetKind.CONTAINER.key(name), name + "-id", status, reason, status == Status.PASS ? null : "fix it");
    }

    private static HostFindingsEvaluated report(List<Finding> findings) {
        return new HostFindingsEvaluated(1, "rep", Instant.EPOCH, new HostDescriptor("h-1", "web-01", Map.of(), "0.1.0"),
                3, "snap", Instant.EPOCH, "20.10.24", "cis-docker", "1.6.0", findings);
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
}
