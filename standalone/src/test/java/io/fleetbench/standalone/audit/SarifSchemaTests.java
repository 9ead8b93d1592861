package io.fleetbench.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.report.SarifLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates SARIF output against the SARIF 2.1.0 JSON schema (draft 04), in its final release-candidate form
 * {@code sarif-2.1.0-rtm.5}, as the npm package {@code @microsoft/jest-sarif} 1.0.0-beta.0 ships it.
 */
class SarifSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream input = SarifSchemaTests.class.getResourceAsStream("/audit/sarif-schema-2.1.0-rtm.5.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(input);
        }
    }

    @Test
    void engineReportMatchesSarifSchema() throws IOException {
        JsonNode log = JSON.readTree(ReportFormatGoldenTests.render(OutputFormat.SARIF,
                ReportFormatGoldenTests.mixedReport()));

        Set<ValidationMessage> errors = schema.validate(log);

        assertThat(errors).isEmpty();
        assertThat(log.at("/runs/0/results")).isNotEmpty();
        assertThat(log.at("/runs/0/tool/driver/name").asText()).isEqualTo("fleetbench");
    }

    @Test
    void composeReportMatchesSarifSchema() throws IOException {
        ComposeAudit audit = new ComposeAudit(ComposeFile.read(Path.of("src/test/resources/audit/compose/insecure.yml")),
                ReportFormatGoldenTests.BENCHMARK_VERSION, CommandLineRun.CLOCK, CommandLineRun.VERSION);
        HostFindingsEvaluated report = audit.evaluate();
        String rendered = new ReportWriter(OutputFormat.SARIF, false, false, CommandLineRun.VERSION)
                .render(report, audit.catalogue(), audit.locator(report));
        JsonNode log = JSON.readTree(rendered);

        Set<ValidationMessage> errors = schema.validate(log);

        assertThat(errors).isEmpty();
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
    }

    @Test
    void resultsCarryFindingKeyFingerprint() throws IOException {
        HostFindingsEvaluated report = ReportFormatGoldenTests.mixedReport();
        JsonNode log = JSON.readTree(ReportFormatGoldenTests.render(OutputFormat.SARIF, report));

        JsonNode result = log.at("/runs/0/results/0");
        Finding first = report.findings().stream()
                .filter(finding -> finding.status() != Status.PASS)
                .findFirst()
                .orElseThrow();

        assertThat(result.at("/partialFingerprints/" + SarifLog.FINDING_KEY_FINGERPRINT.replace("/", "~1")).asText())
                .isEqualTo(report.hostId() + "/1.6.0/" + first.checkId() + "/" + first.targetKey());
        assertThat(result.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo(first.targetKey());
        assertThat(result.at("/level").asText()).isEqualTo(first.status() == Status.WARN ? "error" : "warning");
    }
}
