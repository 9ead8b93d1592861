package io.fleetbench.rules.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Checks that both bundled versions hold the whole benchmark and that every recommendation reports. */
class BundledCataloguesTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T21:00:00Z"), ZoneOffset.UTC);
    private static final HostSnapshotCollected CAPTURED = EngineFixtures.snapshot(EngineFixtures.MIXED);

    @ParameterizedTest(name = "v{0} has {1} recommendations, {2} automated")
    @CsvSource({"1.6.0, 117, 21", "1.8.0, 118, 23"})
    void catalogueHoldsWholeBenchmark(String version, int count, int automated) {
        List<Recommendation> cis = cisRecommendations(BundledRules.catalogue(version));

        assertThat(cis).hasSize(count);
        assertThat(cis).filteredOn(recommendation -> recommendation.automation() == Automation.AUTOMATED)
                .hasSize(automated);
        assertThat(cis).allSatisfy(recommendation -> {
            assertThat(recommendation.rationale()).as("rationale of %s", recommendation.id()).isNotBlank();
            assertThat(recommendation.remediation()).as("remediation of %s", recommendation.id()).isNotBlank();
            assertThat(recommendation.title()).as("title of %s", recommendation.id()).doesNotStartWith("Ensure");
        });
    }

    @ParameterizedTest(name = "every recommendation of v{0} reports")
    @CsvSource({"1.6.0", "1.8.0"})
    void everyRecommendationReportsOnCapturedSnapshot(String version) {
        AuditEvaluator evaluator = BundledRules.evaluator(version, CLOCK);

        HostFindingsEvaluated report = evaluator.evaluate(CAPTURED);

        Set<String> reported = report.findings().stream().map(Finding::checkId).collect(Collectors.toSet());
        for (Recommendation recommendation : evaluator.catalogue().recommendations()) {
            assertThat(reported).as("findings of %s", recommendation.id()).contains(recommendation.id());
        }
        assertThat(report.findings()).as("findings of failed conditions")
                .noneMatch(finding -> finding.reason().contains("failed with"));
    }

    @Test
    void versionsMapSameIdToDifferentRules() {
        BenchmarkCatalogue old = BundledRules.catalogue("1.6.0");
        BenchmarkCatalogue current = BundledRules.catalogue("1.8.0");

        assertThat(key(old, "2.7")).isEqualTo("tcp-socket-requires-tls");
        assertThat(key(current, "2.7")).isEqualTo("no-devicemapper-storage-driver");
        assertThat(key(current, "2.8")).isEqualTo("tcp-socket-requires-tls");
        assertThat(key(old, "2.18")).isEqualTo("experimental-features-disabled");
        assertThat(key(current, "2.19")).isEqualTo("experimental-features-disabled");
        assertThat(old.recommendation("2.19")).isEmpty();
        assertThat(key(old, "1.1.9")).isEqualTo("audit-docker-socket-unit");
        assertThat(key(current, "1.1.9")).isEqualTo("audit-docker-socket-file");
        assertThat(old.recommendation("1.1.4").orElseThrow().automation()).isEqualTo(Automation.AUTOMATED);
        assertThat(current.recommendation("1.1.4").orElseThrow().automation()).isEqualTo(Automation.MANUAL);
        assertThat(current.recommendation("1.1.18").orElseThrow().automation()).isEqualTo(Automation.AUTOMATED);
    }

    @Test
    void sharedRulesKeepTheirKeyAcrossVersions() {
        Map<String, String> oldIds = idsByKey(BundledRules.catalogue("1.6.0"));
        Map<String, String> currentIds = idsByKey(BundledRules.catalogue("1.8.0"));

        assertThat(currentIds.keySet()).containsAll(oldIds.keySet().stream()
                .filter(key -> !key.equals("audit-docker-socket-unit"))
                .toList());
        assertThat(currentIds.keySet()).doesNotContain("audit-docker-socket-unit");
        assertThat(currentIds.get("no-sensitive-host-directories-mounted")).isEqualTo("5.6");
    }

    @Test
    void lib64IsSensitiveOnlyFromLaterVersions() {
        HostSnapshotCollected snapshot = io.fleetbench.rules.core.TestSnapshots.snapshot()
                .containers(io.fleetbench.rules.core.TestSnapshots.container("web")
                        .mounts(io.fleetbench.rules.core.TestSnapshots.bind("/lib64", "/lib64", false)))
                .build();

        assertThat(status(BundledRules.evaluator("1.6.0", CLOCK).evaluate(snapshot), "5.6")).isEqualTo("PASS");
        assertThat(status(BundledRules.evaluator("1.8.0", CLOCK).evaluate(snapshot), "5.6")).isEqualTo("WARN");
    }

    private static String status(HostFindingsEvaluated report, String id) {
        return report.findings().stream()
                .filter(finding -> finding.checkId().equals(id))
                .findFirst()
                .orElseThrow()
                .status()
                .name();
    }

    private static List<Recommendation> cisRecommendations(BenchmarkCatalogue catalogue) {
        return catalogue.recommendations().stream()
                .filter(recommendation -> !recommendation.id().startsWith("FB."))
                .toList();
    }

    private static String key(BenchmarkCatalogue catalogue, String id) {
        return catalogue.recommendation(id).orElseThrow().key();
    }

    private static Map<String, String> idsByKey(BenchmarkCatalogue catalogue) {
        return catalogue.recommendations().stream()
                .collect(Collectors.toMap(Recommendation::key, Recommendation::id));
    }
}
