package io.fleetbench.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compares each report format of the captured {@code mixed} engine with a stored file. After an intended change to
 * a format or the catalogue, run the tests with {@code -Dfleetbench.golden.update=true} to rewrite the files, and
 * review the diff.
 */
class ReportFormatGoldenTests {

    static final String BENCHMARK_VERSION = "1.6.0";

    private static final Path GOLDEN_FOLDER = Path.of("src/test/resources/audit/golden");

    /** Returns the report of the {@code mixed} fixture, with fixed ids and times so that renderings are stable. */
    static HostFindingsEvaluated mixedReport() {
        HostFindingsEvaluated report = BundledRules.evaluator(BENCHMARK_VERSION, CommandLineRun.CLOCK)
                .evaluate(EngineFixtures.snapshot(EngineFixtures.MIXED));
        return new HostFindingsEvaluated(report.schemaVersion(), "00000000-0000-0000-0000-00000000a0d1",
                report.occurredAt(), report.host(), report.snapshotSequence(), "00000000-0000-0000-0000-00000000500a",
                report.snapshotCollectedAt(), report.engineVersion(), report.benchmarkId(), report.benchmarkVersion(),
                report.findings());
    }

    static String render(OutputFormat format, HostFindingsEvaluated report) {
        BenchmarkCatalogue catalogue = BundledRules.catalogue(BENCHMARK_VERSION);
        return new ReportWriter(format, false, true, CommandLineRun.VERSION).render(report, catalogue,
                ReportLocations.NONE);
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void mixedReportMatchesGoldenFile(OutputFormat format) throws IOException {
        String rendered = render(format, mixedReport());
        String file = "mixed." + extension(format);

        if (Boolean.getBoolean("fleetbench.golden.update")) {
            Files.writeString(GOLDEN_FOLDER.resolve(file), rendered, StandardCharsets.UTF_8);
        }

        assertThat(rendered).isEqualTo(golden(file));
    }

    private static String golden(String file) throws IOException {
        try (InputStream input = ReportFormatGoldenTests.class.getResourceAsStream("/audit/golden/" + file)) {
            assertThat(input).as("golden file %s on the class path", file).isNotNull();
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String extension(OutputFormat format) {
        return switch (format) {
            case TEXT -> "txt";
            case JSON -> "json";
            case SARIF -> "sarif";
            case JUNIT -> "xml";
        };
    }
}
