package io.fleetbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.report.query.FleetFinding;
import io.fleetbench.report.query.FleetSummary;
import io.fleetbench.report.query.FleetSummary.CheckCounts;
import io.fleetbench.report.query.FleetSummary.SectionCounts;
import io.fleetbench.report.query.HostView;
import io.fleetbench.report.query.ScorePoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Seeds a small fleet through Kafka (reports and snapshots of four hosts, two in production) and checks the fleet
 * summary, the per-check findings, the findings search and the score trend through the HTTP API. The hosts carry a
 * label of their own, so other tests' hosts in the shared database never match.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetQueriesIntegrationTests extends IntegrationTestSupport {

    /** Containers of the fixture snapshot; "published" runs local/busybox-user:1, the others local/busybox:1. */
    private static final List<String> CONTAINERS = List.of("caps", "hardened", "published", "socket");

    private final String fleet = UUID.randomUUID().toString();
    private final List<String> hostIds = new ArrayList<>();

    @BeforeAll
    void seedFleet() {
        for (int i = 0; i < 4; i++) {
            String hostId = newHostId("fleet" + i);
            hostIds.add(hostId);
            String env = i < 2 ? "prod" : "staging";
            Map<String, String> labels = Map.of("fleet", fleet, "env", env);
            publishSnapshot(SnapshotFixtures.mixed(hostId, labels, 1, collectedAt(1),
                    EngineFixtures.HARDENED_DAEMON_JSON));
            // Sequence 1: every container check passes. Sequence 2: host i fails 5.4 on i + 1 containers.
            publish(labelled(report(hostId, 1, findings(0)), labels));
            publish(labelled(report(hostId, 2, findings(i + 1)), labels));
        }
        for (String hostId : hostIds) {
            awaitAppliedSequence(hostId, 2);
            awaitSnapshot(hostId, 1);
        }
    }

    @Test
    void summaryFiltersByLabel() {
        FleetSummary prod = summary("?label=fleet=" + fleet + "&label=env=prod");

        assertThat(prod.hostCount()).isEqualTo(2);
        assertThat(prod.labels()).containsEntry("env", "prod").containsEntry("fleet", fleet);
        assertThat(prod.hosts()).extracting(FleetSummary.HostCounts::hostId)
                .containsExactlyElementsOf(hostIds.subList(0, 2).stream().sorted().toList());
        // Host 0 fails 1 of 4 containers on 5.4, host 1 fails 2; 1.1 passes on both.
        assertThat(prod.counts()).containsEntry(Status.WARN, 3L).containsEntry(Status.PASS, 7L);
        assertThat(prod.score()).isCloseTo(70.0, within(0.001));
        assertThat(prod.staleHostCount()).isEqualTo(2);
        assertThat(prod.sections()).extracting(SectionCounts::section)
                .containsExactly("Container Runtime", "Host Configuration");
        SectionCounts runtime = prod.sections().get(0);
        assertThat(runtime.counts()).containsEntry(Status.WARN, 3L).containsEntry(Status.PASS, 5L);
        assertThat(prod.checks()).extracting(CheckCounts::checkId).containsExactly("1.1", "5.4");
        assertThat(prod.checks().get(1).section()).isEqualTo("Container Runtime");

        FleetSummary all = summary("?label=fleet=" + fleet);
        assertThat(all.hostCount()).isEqualTo(4);
        assertThat(all.counts()).containsEntry(Status.WARN, 10L).containsEntry(Status.INFO, 0L);
    }

    @Test
    void checkFindingsListFailingTargets() {
        List<FleetFinding> failing = new ArrayList<>();
        String cursor = null;
        do {
            Page<FleetFinding> page = page("/api/v1/checks/5.4/findings?limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.items().stream().filter(finding -> hostIds.contains(finding.hostId())).forEach(failing::add);
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(failing).hasSize(10).allSatisfy(finding -> {
            assertThat(finding.status()).isEqualTo(Status.WARN);
            assertThat(finding.checkId()).isEqualTo("5.4");
            assertThat(finding.hostLastSeen()).isEqualTo(collectedAt(2));
        });
        assertThat(failing).extracting(FleetFinding::hostId).isSorted();
    }

    @Test
    void findingsSearchCombinesFilters() {
        String scope = "/api/v1/findings?label=fleet=" + fleet;

        assertThat(all(scope + "&status=WARN&label=env=staging")).hasSize(7);
        assertThat(all(scope + "&section=Host Configuration")).hasSize(4)
                .allSatisfy(finding -> assertThat(finding.targetKind()).isEqualTo(TargetKind.HOST));
        assertThat(all(scope + "&host=" + hostIds.get(3) + "&target=hardened")).extracting(FleetFinding::targetKey)
                .containsExactly("container:hardened");
        assertThat(all(scope + "&target=container:socket")).hasSize(4);
        assertThat(all(scope + "&check=5.4&from=" + collectedAt(2))).hasSize(10);
        assertThat(all(scope + "&check=5.4&to=" + collectedAt(2))).hasSize(6);
        // Matched through each host's newest snapshot: a reference without a tag matches every tag of that name only.
        assertThat(all(scope + "&image=local/busybox-user")).hasSize(4)
                .allSatisfy(finding -> assertThat(finding.targetKey()).isEqualTo("container:published"));
        assertThat(all(scope + "&image=local/busybox")).hasSize(12);
        assertThat(all(scope + "&image=local/busybox:2")).isEmpty();
    }

    @Test
    void findingsSearchSortsAndPages() {
        List<FleetFinding> newestFirst = all("/api/v1/findings?label=fleet=" + fleet + "&sort=-lastChanged&limit=4");

        assertThat(newestFirst).hasSize(20).doesNotHaveDuplicates();
        assertThat(newestFirst).extracting(FleetFinding::lastChanged).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(all("/api/v1/findings?label=fleet=" + fleet + "&sort=lastChanged&limit=7"))
                .extracting(FleetFinding::lastChanged).isSorted();
    }

    @Test
    void trendListsScorePerReport() {
        Page<ScorePoint> trend = webClient.get().uri("/api/v1/hosts/{hostId}/trend", hostIds.get(1))
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Page<ScorePoint>>() {
                })
                .returnResult()
                .getResponseBody();

        assertThat(trend).isNotNull();
        assertThat(trend.items()).extracting(ScorePoint::snapshotSequence).containsExactly(1L, 2L);
        assertThat(trend.items().get(0).score()).isCloseTo(100.0, within(0.001));
        assertThat(trend.items().get(1).score()).isCloseTo(60.0, within(0.001));
        assertThat(trend.items().get(1).warn()).isEqualTo(2);
    }

    @Test
    void hostsListMarksStaleHosts() {
        String freshHost = newHostId("fresh");
        HostFindingsEvaluated fresh = report(freshHost, 1, containerFinding("5.4", "web", Status.PASS));
        publish(new HostFindingsEvaluated(fresh.schemaVersion(), fresh.eventId(), java.time.Instant.now(),
                fresh.host(), 1, fresh.snapshotEventId(), java.time.Instant.now(), fresh.engineVersion(),
                fresh.benchmarkId(), fresh.benchmarkVersion(), fresh.findings()));
        awaitAppliedSequence(freshHost, 1);

        HostView freshView = host(freshHost);
        HostView staleView = host(hostIds.get(0));
        assertThat(freshView.stale()).isFalse();
        assertThat(staleView.stale()).isTrue();
    }

    @Test
    void invalidParametersNameTheValue() {
        expectInvalid("/api/v1/fleet/summary?label=prod", "label", "prod");
        expectInvalid("/api/v1/findings?from=yesterday", "from", "yesterday");
        expectInvalid("/api/v1/fleet/summary?hostCursor=garbage", "hostCursor", "garbage");
        expectInvalid("/api/v1/findings?to=-999999999-01-01T00:00:00Z", "to", "-999999999-01-01T00:00:00Z");
        expectInvalid("/api/v1/hosts/" + hostIds.get(0) + "/trend?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "to", "2026-01-01T00:00:00Z");
        expectInvalid("/api/v1/findings?sort=name", "sort", "name");
        expectInvalid("/api/v1/findings?cursor=bm90LWEtY3Vyc29y", "cursor", "bm90LWEtY3Vyc29y");
        expectInvalid("/api/v1/checks/bad$id/findings", "checkId", "bad$id");
        expectInvalid("/api/v1/containers?hostNamespace=user", "hostNamespace", "user");
        expectInvalid("/api/v1/containers?privileged=yes", "privileged", "yes");
        expectInvalid("/api/v1/containers?publishedPort=70000", "publishedPort", "70000");
        expectInvalid("/api/v1/hosts/" + hostIds.get(0) + "/diff", "from", "");
    }

    /** Returns findings of 1.1 (host) and 5.4 on four fixture containers, of which the first {@code failing} warn. */
    private static Finding[] findings(int failing) {
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding("1.1", "Recommendation 1.1", "Host Configuration", true, TargetKind.HOST,
                TargetKind.HOST.key("host"), null, Status.PASS, "Observed PASS for 1.1", null));
        for (int i = 0; i < CONTAINERS.size(); i++) {
            findings.add(containerFinding("5.4", CONTAINERS.get(i), i < failing ? Status.WARN : Status.PASS));
        }
        return findings.toArray(Finding[]::new);
    }

    private static HostFindingsEvaluated labelled(HostFindingsEvaluated report, Map<String, String> labels) {
        return new HostFindingsEvaluated(report.schemaVersion(), report.eventId(), report.occurredAt(),
                new io.fleetbench.model.event.HostDescriptor(report.hostId(), report.host().name(), labels,
                        report.host().agentVersion()),
                report.snapshotSequence(), report.snapshotEventId(), report.snapshotCollectedAt(),
                report.engineVersion(), report.benchmarkId(), report.benchmarkVersion(), report.findings());
    }

    private FleetSummary summary(String query) {
        return webClient.get().uri("/api/v1/fleet/summary" + query)
                .exchange()
                .expectStatus().isOk()
                .expectBody(FleetSummary.class)
                .returnResult()
                .getResponseBody();
    }

    private HostView host(String hostId) {
        return webClient.get().uri("/api/v1/hosts/{hostId}/report", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(io.fleetbench.report.query.HostReport.class)
                .returnResult()
                .getResponseBody()
                .host();
    }

    private List<FleetFinding> all(String uri) {
        List<FleetFinding> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<FleetFinding> page = page(uri + (cursor == null ? "" : "&cursor=" + cursor));
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return items;
    }

    private Page<FleetFinding> page(String uri) {
        Page<FleetFinding> page = webClient.get().uri(uri)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Page<FleetFinding>>() {
                })
                .returnResult()
                .getResponseBody();
        assertThat(page).as("page of %s", uri).isNotNull();
        return page;
    }

    private void expectInvalid(String uri, String parameter, String value) {
        webClient.get().uri(uri)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo(parameter)
                .jsonPath("$.value").isEqualTo(value);
    }
}
