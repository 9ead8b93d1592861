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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validates SARIF output against the SARIF 2.1.0 JSON schema (draft 04), in its final release-candidate form
 * {@code sarif-2.1.0-rtm.5}, as the npm package {@code @microsoft/jest-sarif} 1.0.0-beta.0 ships it.
 */
class SarifSchemaTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Path INSECURE = Path.of("src/test/resources/audit/compose/insecure.yml");

    private static final String ARTIFACT = "/runs/0/results/0/locations/0/physicalLocation/artifactLocation";

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
        JsonNode log = composeSarif(INSECURE, Path.of("").toAbsolutePath());

        Set<ValidationMessage> errors = schema.validate(log);

        assertThat(errors).isEmpty();
        assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
        assertThat(log.at(ARTIFACT + "/uri").asText()).isEqualTo("src/test/resources/audit/compose/insecure.yml");
    }

    @Test
    void subfolderFileIsRelativeToSourceRoot(@TempDir Path workingDirectory) throws IOException {
        Path file = copyInsecure(workingDirectory.resolve("sub/compose.yaml"));

        JsonNode log = composeSarif(file, workingDirectory);

        assertThat(schema.validate(log)).isEmpty();
        assertThat(log.at("/runs/0/results")).isNotEmpty();
        assertThat(log.at("/runs/0/results")).allSatisfy(result -> {
            JsonNode artifact = result.at("/locations/0/physicalLocation/artifactLocation");
            assertThat(artifact.get("uri").asText()).isEqualTo("sub/compose.yaml");
            assertThat(artifact.get("uriBaseId").asText()).isEqualTo(SarifLog.SOURCE_ROOT);
        });
        JsonNode sourceRoot = log.at("/runs/0/originalUriBaseIds/" + SarifLog.SOURCE_ROOT + "/uri");
        assertThat(sourceRoot.asText()).isEqualTo(workingDirectory.toUri().toString()).endsWith("/");
        assertThat(log.at("/runs/0/properties/hostName").asText()).isEqualTo("sub/compose.yaml");
    }

    @Test
    void outsideFileKeepsFileUri(@TempDir Path folder) throws IOException {
        Path file = copyInsecure(folder.resolve("elsewhere/compose.yaml"));
        Path workingDirectory = Files.createDirectories(folder.resolve("checkout"));

        JsonNode log = composeSarif(file, workingDirectory);

        assertThat(schema.validate(log)).isEmpty();
        assertThat(log.at(ARTIFACT + "/uri").asText()).isEqualTo(file.toUri().toString()).startsWith("file:///");
        assertThat(log.at(ARTIFACT).has("uriBaseId")).isFalse();
    }

    @Test
    void spaceInPathIsPercentEncoded(@TempDir Path workingDirectory) throws IOException {
        Path file = copyInsecure(workingDirectory.resolve("deploy files/my compose.yaml"));

        JsonNode log = composeSarif(file, workingDirectory);

        assertThat(schema.validate(log)).isEmpty();
        assertThat(log.at(ARTIFACT + "/uri").asText()).isEqualTo("deploy%20files/my%20compose.yaml");
        assertThat(log.at(ARTIFACT + "/uriBaseId").asText()).isEqualTo(SarifLog.SOURCE_ROOT);
    }

    /** Copies the insecure test compose file to {@code target}, creating its folders, and returns {@code target}. */
    static Path copyInsecure(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return Files.copy(INSECURE, target);
    }

    private static JsonNode composeSarif(Path file, Path workingDirectory) throws IOException {
        ComposeAudit audit = new ComposeAudit(ComposeFile.read(file), ReportFormatGoldenTests.BENCHMARK_VERSION,
                CommandLineRun.CLOCK, CommandLineRun.VERSION);
        HostFindingsEvaluated report = audit.evaluate();
        String rendered = new ReportWriter(OutputFormat.SARIF, false, false, CommandLineRun.VERSION)
                .render(report, audit.catalogue(), ReportLocations.of(audit.locator(report), file, workingDirectory));
        return JSON.readTree(rendered);
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
