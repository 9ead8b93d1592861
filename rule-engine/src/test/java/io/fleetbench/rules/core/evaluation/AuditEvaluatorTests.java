package io.fleetbench.rules.core.evaluation;

import static io.fleetbench.rules.core.TestSnapshots.bind;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.catalogue.Automation;
import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import io.fleetbench.rules.core.catalogue.Recommendation;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.CheckRegistry;
import io.fleetbench.rules.core.check.CheckResult;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuditEvaluatorTests {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final AuditEvaluator evaluator = BundledRules.evaluator("1.6.0", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void copiesSnapshotIdentityIntoReport() {
        HostSnapshotCollected snapshot = snapshot().hostId("edge-7").sequence(42).containers(container("web")).build();

        HostFindingsEvaluated report = evaluator.evaluate(snapshot);

        assertThat(report.schemaVersion()).isEqualTo(HostFindingsEvaluated.SCHEMA_VERSION);
        assertThat(report.eventId()).isNotBlank().isNotEqualTo(snapshot.eventId());
        assertThat(report.occurredAt()).isEqualTo(NOW);
        assertThat(report.host()).isEqualTo(snapshot.host());
        assertThat(report.snapshotSequence()).isEqualTo(42);
        assertThat(report.snapshotEventId()).isEqualTo(snapshot.eventId());
        assertThat(report.snapshotCollectedAt()).isEqualTo(snapshot.occurredAt());
        assertThat(report.engineVersion()).isEqualTo("20.10.24");
        assertThat(report.benchmarkId()).isEqualTo("cis-docker");
        assertThat(report.benchmarkVersion()).isEqualTo("1.6.0");
    }

    @Test
    void reportsEveryRecommendationOnEmptyHost() {
        HostFindingsEvaluated report = evaluator.evaluate(snapshot().build());

        Set<String> reportedIds = report.findings().stream().map(Finding::checkId).collect(Collectors.toSet());
        List<String> catalogueIds = evaluator.catalogue().recommendations().stream().map(Recommendation::id).toList();
        assertThat(reportedIds).containsExactlyInAnyOrderElementsOf(catalogueIds);
        for (Recommendation recommendation : evaluator.catalogue().recommendations()) {
            if (recommendation.targetKind() == TargetKind.CONTAINER) {
                assertThat(report.findings())
                        .filteredOn(finding -> finding.checkId().equals(recommendation.id()))
                        .as("findings of %s on a host without containers", recommendation.id())
                        .singleElement()
                        .satisfies(finding -> {
                            assertThat(finding.targetKey()).isEqualTo("host");
                            assertThat(finding.status()).isEqualTo(Status.INFO);
                            assertThat(finding.reason()).contains("no containers");
                        });
            }
        }
    }

    @Test
    void reportsOneFindingPerContainerCheck() {
        HostSnapshotCollected snapshot = snapshot()
                .containers(container("a").privileged(), container("b").privileged(), container("c").privileged())
                .build();

        HostFindingsEvaluated report = evaluator.evaluate(snapshot);

        List<Finding> privileged = report.findings().stream().filter(finding -> finding.checkId().equals("5.5")).toList();
        assertThat(privileged).extracting(Finding::targetKey).containsExactly("container:a", "container:b", "container:c");
        assertThat(privileged).extracting(Finding::targetId).containsExactly("id-a", "id-b", "id-c");
        assertThat(privileged).extracting(Finding::status).containsOnly(Status.WARN);
        assertThat(privileged).extracting(Finding::reason).containsOnly("HostConfig.Privileged is true");
        assertThat(privileged).extracting(Finding::title).containsOnly("Containers do not run privileged");
        assertThat(privileged).extracting(Finding::section).containsOnly("Container runtime");
    }

    @Test
    void attachesRemediationOnlyToFailures() {
        HostSnapshotCollected snapshot = snapshot()
                .containers(container("safe"), container("socket").mounts(bind("/var/run/docker.sock", "/s", false)))
                .build();

        List<Finding> socketFindings = evaluator.evaluate(snapshot).findings().stream()
                .filter(finding -> finding.checkId().equals("5.32"))
                .toList();

        assertThat(socketFindings).hasSize(2);
        assertThat(socketFindings.get(0).status()).isEqualTo(Status.PASS);
        assertThat(socketFindings.get(0).remediation()).isNull();
        assertThat(socketFindings.get(1).status()).isEqualTo(Status.WARN);
        assertThat(socketFindings.get(1).remediation()).contains("docker.sock");
    }

    @Test
    void sameSnapshotGivesSameFindings() {
        HostSnapshotCollected snapshot = snapshot()
                .containers(container("a").privileged().capAdd("NET_ADMIN"), container("b").stopped("exited"))
                .build();

        List<Finding> first = evaluator.evaluate(snapshot).findings();
        List<Finding> second = evaluator.evaluate(snapshot).findings();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void failingCheckBecomesInfoFinding() {
        Check broken = new Check() {
            @Override
            public String key() {
                return "broken-check";
            }

            @Override
            public TargetKind targetKind() {
                return TargetKind.DAEMON;
            }

            @Override
            public List<CheckResult> evaluate(CheckContext context) {
                throw new IllegalStateException("unexpected engine field");
            }
        };
        Recommendation recommendation = new Recommendation("9.1", "broken-check", "Test", "Broken", 1, true,
                Automation.AUTOMATED, TargetKind.DAEMON, "Fix the check.");
        BenchmarkCatalogue catalogue = new BenchmarkCatalogue("test", "cis-docker", "0.0.1", "Test", List.of(recommendation));
        AuditEvaluator brokenEvaluator = new AuditEvaluator(catalogue, new CheckRegistry(List.of(broken)),
                Clock.fixed(NOW, ZoneOffset.UTC));

        HostFindingsEvaluated report = brokenEvaluator.evaluate(snapshot().build());

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.status()).isEqualTo(Status.INFO);
            assertThat(finding.targetKey()).isEqualTo("host");
            assertThat(finding.reason()).contains("check broken-check failed with IllegalStateException")
                    .contains("unexpected engine field");
        });
    }

    @Test
    void rejectsCatalogueWithUnknownKey() {
        Recommendation recommendation = new Recommendation("9.1", "missing-check", "Test", "Missing", 1, true,
                Automation.AUTOMATED, TargetKind.DAEMON, "None.");
        BenchmarkCatalogue catalogue = new BenchmarkCatalogue("test.yaml", "cis-docker", "0.0.1", "Test",
                List.of(recommendation));

        assertThatThrownBy(() -> new AuditEvaluator(catalogue, BundledRules.registry(), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("recommendation 9.1")
                .hasMessageContaining("'missing-check'");
    }
}
