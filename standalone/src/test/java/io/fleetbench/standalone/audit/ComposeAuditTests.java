package io.fleetbench.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.report.FindingLocation;
import io.fleetbench.model.report.FindingLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComposeAuditTests {

    private static final Path INSECURE = Path.of("src/test/resources/audit/compose/insecure.yml");

    private static HostFindingsEvaluated report;
    private static FindingLocator locator;

    @BeforeAll
    static void auditInsecureFile() {
        ComposeAudit audit = audit(INSECURE);
        report = audit.evaluate();
        locator = audit.locator(report);
    }

    private static ComposeAudit audit(Path file) {
        return new ComposeAudit(ComposeFile.read(file), ReportFormatGoldenTests.BENCHMARK_VERSION,
                CommandLineRun.CLOCK, CommandLineRun.VERSION);
    }

    private static List<Finding> findings(HostFindingsEvaluated report, String checkId, String service) {
        return report.findings().stream()
                .filter(finding -> finding.checkId().equals(checkId))
                .filter(finding -> finding.targetKey().equals("container:" + service))
                .toList();
    }

    @ParameterizedTest(name = "{0} on {1} at line {2}")
    @CsvSource({
            "5.5,  privileged,       5,  5",
            "5.10, host-network,     8,  5",
            "5.32, socket-short,     13, 9",
            "5.32, socket-long,      17, 9",
            "FB.1, credentials-list, 25, 9",
            "FB.1, credentials-map,  33, 7",
            "5.4,  all-capabilities, 37, 9",
            "5.14, resources-by-deploy, 56, 9"})
    void warnsAtOffendingLine(String checkId, String service, int line, int column) {
        List<Finding> findings = findings(report, checkId, service);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).status()).isEqualTo(Status.WARN);
        assertThat(locator.locate(findings.get(0)))
                .contains(new FindingLocation(INSECURE.toString(), line, column));
    }

    @ParameterizedTest(name = "{0} passes on hardened")
    @CsvSource({"5.5", "5.10", "5.32", "FB.1", "5.4", "5.11", "5.13", "5.14", "5.26", "5.29", "4.1"})
    void hardenedServicePasses(String checkId) {
        List<Finding> findings = findings(report, checkId, "hardened");

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).status()).as(findings.get(0).reason()).isEqualTo(Status.PASS);
    }

    @Test
    void deployLimitsCountAsLimits() {
        assertThat(findings(report, "5.11", "resources-by-deploy").get(0).status()).isEqualTo(Status.PASS);
        assertThat(findings(report, "5.29", "resources-by-deploy").get(0).status()).isEqualTo(Status.PASS);
        assertThat(findings(report, "5.12", "resources-by-deploy").get(0).status()).isEqualTo(Status.PASS);
    }

    @Test
    void missingSettingPointsAtService() {
        Finding memory = findings(report, "5.11", "privileged").get(0);

        assertThat(memory.status()).isEqualTo(Status.WARN);
        assertThat(locator.locate(memory)).contains(new FindingLocation(INSECURE.toString(), 3, 3));
    }

    @Test
    void reportHasOnlyContainerFindings() {
        assertThat(report.findings()).isNotEmpty();
        assertThat(report.findings()).allSatisfy(finding -> assertThat(finding.targetKey()).startsWith("container:"));
    }

    @Test
    void secretValuesNeverReachReport() {
        String json = ReportFormatGoldenTests.render(OutputFormat.JSON, report);

        assertThat(json).doesNotContain("plain-text-value");
        assertThat(json).contains("DB_PASSWORD");
    }

    @Test
    void mergeKeysApplySharedSettings() {
        Path file = Path.of("src/test/resources/audit/compose/merged.yml");
        ComposeAudit audit = audit(file);
        HostFindingsEvaluated merged = audit.evaluate();
        FindingLocator mergedLocator = audit.locator(merged);

        assertThat(findings(merged, "5.13", "merged").get(0).status()).isEqualTo(Status.PASS);
        assertThat(findings(merged, "5.26", "merged").get(0).status()).isEqualTo(Status.PASS);
        Finding overridden = findings(merged, "5.13", "overridden").get(0);
        assertThat(overridden.status()).isEqualTo(Status.WARN);
        assertThat(mergedLocator.locate(overridden)).contains(new FindingLocation(file.toString(), 17, 5));
        Finding privileged = findings(merged, "5.5", "first-merge-wins").get(0);
        assertThat(privileged.status()).isEqualTo(Status.WARN);
        assertThat(mergedLocator.locate(privileged)).contains(new FindingLocation(file.toString(), 8, 3));
    }

    @Test
    void repositoryComposeWarnsOnlyOnCollectorSocket() {
        HostFindingsEvaluated repository = audit(Path.of("../docker-compose.yml")).evaluate();

        List<String> socketWarnings = repository.findings().stream()
                .filter(finding -> finding.checkId().equals("5.32") && finding.status() == Status.WARN)
                .map(Finding::targetKey)
                .toList();

        assertThat(socketWarnings).containsExactly("container:collector-agent");
        for (String checkId : List.of("5.4", "5.5", "5.10", "5.11", "5.12", "5.13", "5.14", "5.26", "5.29", "FB.1")) {
            assertThat(repository.findings().stream().filter(finding -> finding.checkId().equals(checkId)))
                    .as("findings of %s", checkId)
                    .isNotEmpty()
                    .allSatisfy(finding -> assertThat(finding.status()).as(finding.reason()).isEqualTo(Status.PASS));
        }
    }

    @Test
    void restartAndNetworksMapToFacts() {
        ComposeFile repository = ComposeFile.read(Path.of("../docker-compose.yml"));
        ComposeService postgres = repository.services().stream()
                .filter(service -> service.name().equals("postgres"))
                .findFirst()
                .orElseThrow();

        assertThat(postgres.facts().restartPolicy()).isEqualTo("on-failure");
        assertThat(postgres.facts().restartMaxRetries()).isEqualTo(5);
        assertThat(postgres.facts().networks()).containsExactly("data");
        assertThat(repository.networks()).anySatisfy(network -> {
            assertThat(network.name()).isEqualTo("data");
            assertThat(network.internal()).isTrue();
        });
    }

    @Test
    void invalidYamlNamesLine(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("broken.yml");
        Files.writeString(file, "services:\n  web:\n    image: [unclosed\n");

        assertThatThrownBy(() -> ComposeFile.read(file))
                .isInstanceOf(AuditUsageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line ");
    }

    @Test
    void fileWithoutServicesIsRejected(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("empty.yml");
        Files.writeString(file, "volumes:\n  data: {}\n");

        assertThatThrownBy(() -> ComposeFile.read(file))
                .isInstanceOf(AuditUsageException.class)
                .hasMessageContaining("has no services mapping");
    }

    @Test
    void emptyServicesAreRejected(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("no-services.yml");
        Files.writeString(file, "services: {}\n");

        assertThatThrownBy(() -> ComposeFile.read(file))
                .isInstanceOf(AuditUsageException.class)
                .hasMessageContaining("at least one service");
    }
}
