package io.fleetbench.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTests {

    private static final String INSECURE = "src/test/resources/audit/compose/insecure.yml";

    @Test
    void unknownBenchmarkListsBundledVersions() {
        CommandLineRun run = CommandLineRun.of("audit", "compose", INSECURE, "--benchmark", "9.9.9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--benchmark '9.9.9'").contains("use one of").contains("1.6.0");
    }

    @Test
    void unknownFormatIsUsageError() {
        CommandLineRun run = CommandLineRun.of("audit", "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'yaml' is not a format: use one of text, json, sarif, junit");
    }

    @Test
    void unknownCheckIsUsageError() {
        CommandLineRun run = CommandLineRun.of("audit", "compose", INSECURE, "--benchmark", "1.6.0", "--checks", "5.99");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--checks '5.99' matches no recommendation");
    }

    @Test
    void unreachableEngineNamesSocket() {
        CommandLineRun run = CommandLineRun.of("audit", "--docker-host", "unix:///tmp/fleetbench-no-such-engine.sock");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("fleetbench: Docker engine at unix:///tmp/fleetbench-no-such-engine.sock")
                .contains("--docker-host")
                .doesNotContain("\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingComposeFileIsUsageError() {
        CommandLineRun run = CommandLineRun.of("audit", "compose", "no-such-compose.yml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("compose file no-such-compose.yml was not found");
    }

    @Test
    void failOnWarnExitsWithOne() {
        CommandLineRun run = CommandLineRun.of("audit", "compose", INSECURE, "--benchmark", "1.6.0", "--fail-on", "warn",
                "--no-color");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("[WARN] 5.5  - ").contains("(" + INSECURE + ":5:5)");
        assertThat(run.err()).contains("failing because of --fail-on warn");
    }

    @Test
    void failOnNoneExitsWithZero() {
        CommandLineRun run = CommandLineRun.of("audit", "compose", INSECURE, "--quiet");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void checkSelectionKeepsSectionAndDropsExclusions() {
        CommandLineRun run = CommandLineRun.of("audit", "compose", INSECURE, "--benchmark", "1.6.0", "--format", "junit", "--checks", "5",
                "--exclude-checks", "5.4,5.10");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("cis-docker-1.6.0.5.5").contains("cis-docker-1.6.0.5.32")
                .doesNotContain("cis-docker-1.6.0.5.4\"").doesNotContain("cis-docker-1.6.0.5.10\"")
                .doesNotContain("cis-docker-1.6.0.FB.1");
    }

    @Test
    void remediationPrintedUnderFailingCheck() {
        CommandLineRun run = CommandLineRun.of("audit", "compose", INSECURE, "--benchmark", "1.6.0", "--checks", "5.5",
                "--remediation", "--no-color");

        assertThat(run.out()).contains("[WARN] 5.5  - ").contains("       Remediation: ");
    }

    @Test
    void outputFileReceivesReport(@TempDir Path folder) throws IOException {
        Path output = folder.resolve("reports/compose.sarif");

        CommandLineRun run = CommandLineRun.of("audit", "compose", INSECURE, "--format", "sarif", "--output",
                output.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(output)).contains("\"version\" : \"2.1.0\"").contains("\"startLine\" : 13");
    }
}
