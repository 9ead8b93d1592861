package io.fleetbench.report;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.HOSTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Status;
import io.fleetbench.report.query.FindingView;
import io.fleetbench.report.query.FleetFinding;
import io.fleetbench.report.query.FleetSummary;
import io.fleetbench.report.query.HostReport;
import io.fleetbench.report.query.HostView;
import io.fleetbench.report.query.TransitionView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

/** Checks the HTTP API's responses, sorting, filters, pagination and problem details. */
class ReportApiIntegrationTests extends IntegrationTestSupport {

    @Autowired
    private DSLContext dsl;

    @Test
    void reportSortsCheckIdsNumerically() {
        String hostId = newHostId("sorting");
        publish(report(hostId, 1,
                containerFinding("5.10", "web", Status.WARN),
                containerFinding("5.9", "web", Status.PASS),
                containerFinding("1.1.10", "web", Status.INFO),
                containerFinding("5.9", "api", Status.PASS),
                containerFinding("1.1.2", "web", Status.NOTE),
                containerFinding("5.1", "web", Status.PASS)));

        HostReport stored = awaitAppliedSequence(hostId, 1);

        assertThat(stored.findings())
                .extracting(finding -> finding.checkId() + " " + finding.targetKey())
                .containsExactly(
                "1.1.2 container:web",
                "1.1.10 container:web",
                "5.1 container:web",
                "5.9 container:api",
                "5.9 container:web",
                "5.10 container:web");
    }

    @Test
    void reportFiltersByStatus() {
        String hostId = newHostId("filter");
        publish(report(hostId, 1,
                containerFinding("5.1", "web", Status.WARN),
                containerFinding("5.2", "web", Status.PASS),
                containerFinding("5.3", "web", Status.INFO),
                containerFinding("5.4", "web", Status.WARN)));
        awaitAppliedSequence(hostId, 1);

        HostReport warnOnly = getReport("/api/v1/hosts/{hostId}/report?status=WARN", hostId);
        assertThat(warnOnly.findings()).extracting(FindingView::checkId).containsExactly("5.1", "5.4");
        assertThat(warnOnly.host().counts()).containsEntry(Status.PASS, 1L).containsEntry(Status.WARN, 2L);

        HostReport twoStatuses = getReport("/api/v1/hosts/{hostId}/report?status=pass,info", hostId);
        assertThat(twoStatuses.findings()).extracting(FindingView::checkId).containsExactly("5.2", "5.3");
    }

    @Test
    void reportHasDocumentedJsonShape() {
        String hostId = newHostId("shape");
        publish(report(hostId, 1, containerFinding("5.5", "web", Status.WARN)));
        awaitAppliedSequence(hostId, 1);

        webClient.get().uri("/api/v1/hosts/{hostId}/report", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.host.hostId").isEqualTo(hostId)
                .jsonPath("$.host.labels.env").isEqualTo("test")
                .jsonPath("$.host.lastSnapshotSequence").isEqualTo(1)
                .jsonPath("$.host.lastSeen").isEqualTo("2026-01-05T10:01:00Z")
                .jsonPath("$.host.counts.WARN").isEqualTo(1)
                .jsonPath("$.host.counts.NOTE").isEqualTo(0)
                .jsonPath("$.benchmarkVersion").isEqualTo("1.6.0")
                .jsonPath("$.snapshotSequence").isEqualTo(1)
                .jsonPath("$.findings[0].checkId").isEqualTo("5.5")
                .jsonPath("$.findings[0].targetKind").isEqualTo("CONTAINER")
                .jsonPath("$.findings[0].targetKey").isEqualTo("container:web")
                .jsonPath("$.findings[0].status").isEqualTo("WARN")
                .jsonPath("$.findings[0].firstSeen").isEqualTo("2026-01-05T10:01:00Z");
    }

    @Test
    void unknownHostIsNotFoundProblem() {
        String hostId = newHostId("unknown");
        for (String path : List.of("/api/v1/hosts/{hostId}/report", "/api/v1/hosts/{hostId}/history")) {
            webClient.get().uri(path, hostId)
                    .exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(404)
                    .jsonPath("$.title").isEqualTo("Host not found")
                    .jsonPath("$.hostId").isEqualTo(hostId)
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'" + hostId + "'"));
        }
    }

    @Test
    void invalidParametersAreBadRequestProblems() {
        String hostId = newHostId("params");
        publish(report(hostId, 1, containerFinding("5.5", "web", Status.WARN)));
        awaitAppliedSequence(hostId, 1);

        expectInvalidParameter("/api/v1/hosts/" + hostId + "/report?status=FAILED", "status", "FAILED");
        expectInvalidParameter("/api/v1/hosts?limit=0", "limit", "0");
        expectInvalidParameter("/api/v1/hosts?limit=1001", "limit", "1001");
        expectInvalidParameter("/api/v1/hosts?limit=ten", "limit", "ten");
        expectInvalidParameter("/api/v1/hosts?cursor=not-a-cursor", "cursor", "not-a-cursor");
        expectInvalidParameter("/api/v1/hosts/" + hostId + "/history?cursor=aDpob3N0", "cursor", "aDpob3N0");
        expectInvalidParameter("/api/v1/hosts/-bad-/report", "hostId", "-bad-");
    }

    @Test
    void hostsListPagesByCursor() {
        List<String> created = new ArrayList<>();
        String prefix = newHostId("paging");
        for (String suffix : List.of("a", "b", "c")) {
            String hostId = prefix + "-" + suffix;
            created.add(hostId);
            publish(report(hostId, 1, containerFinding("5.5", "web", Status.WARN)));
        }
        created.forEach(hostId -> awaitAppliedSequence(hostId, 1));

        List<String> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String uri = cursor == null ? "/api/v1/hosts?limit=2" : "/api/v1/hosts?limit=2&cursor=" + cursor;
            Page<HostView> page = getPage(uri, new ParameterizedTypeReference<>() {
            });
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(host -> listed.add(host.hostId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 1000);

        assertThat(listed).doesNotHaveDuplicates().isSorted().containsSubsequence(created);
        Page<HostView> allHosts = getPage("/api/v1/hosts?limit=1000", new ParameterizedTypeReference<>() {
        });
        HostView first = allHosts.items().stream()
                .filter(host -> host.hostId().equals(created.get(0)))
                .findFirst()
                .orElseThrow();
        assertThat(first.counts()).containsEntry(Status.WARN, 1L).containsEntry(Status.PASS, 0L);
        assertThat(first.benchmarkVersion()).isEqualTo("1.6.0");
    }

    @Test
    void historyPagesNewestFirst() {
        String hostId = newHostId("history");
        publish(report(hostId, 1,
                containerFinding("5.1", "web", Status.WARN),
                containerFinding("5.2", "web", Status.WARN)));
        publish(report(hostId, 2, containerFinding("5.1", "web", Status.PASS)));
        publish(report(hostId, 3,
                containerFinding("5.1", "web", Status.PASS),
                containerFinding("5.3", "web", Status.INFO)));
        awaitAppliedSequence(hostId, 3);

        List<TransitionView> transitions = new ArrayList<>();
        String cursor = null;
        do {
            String uri = "/api/v1/hosts/" + hostId + "/history?limit=1" + (cursor == null ? "" : "&cursor=" + cursor);
            Page<TransitionView> page = getPage(uri, new ParameterizedTypeReference<>() {
            });
            assertThat(page.items()).hasSize(1);
            transitions.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && transitions.size() < 100);

        // Opened 5.1 and 5.2 at 1; 5.1 changed and 5.2 resolved at 2; 5.3 opened at 3.
        assertThat(transitions).hasSize(5);
        assertThat(transitions)
                .extracting(TransitionView::transitionId)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(transitions).extracting(TransitionView::snapshotSequence).containsExactly(3L, 2L, 2L, 1L, 1L);
        assertThat(transitions.get(0).checkId()).isEqualTo("5.3");
    }

    @Test
    void fleetSummaryCountsNewHost() {
        FleetSummary before = summary();
        String hostId = newHostId("summary");
        publish(report(hostId, 1,
                containerFinding("5.5", "web", Status.WARN),
                containerFinding("5.5", "db", Status.WARN),
                containerFinding("5.10", "web", Status.PASS)));
        awaitAppliedSequence(hostId, 1);

        FleetSummary after = summary();

        assertThat(after.hostCount()).isEqualTo(before.hostCount() + 1);
        assertThat(after.hosts()).hasSize((int) after.hostCount());
        assertThat(after.nextHostCursor()).isNull();
        assertThat(after.counts().get(Status.WARN)).isEqualTo(before.counts().get(Status.WARN) + 2);
        assertThat(after.counts().get(Status.PASS)).isEqualTo(before.counts().get(Status.PASS) + 1);
        assertThat(after.counts().get(Status.NOTE)).isEqualTo(before.counts().get(Status.NOTE));
        FleetSummary.HostCounts host = after.hosts().stream()
                .filter(entry -> entry.hostId().equals(hostId)).findFirst().orElseThrow();
        assertThat(host.name()).isEqualTo("Host " + hostId);
        assertThat(host.counts()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Status.PASS, 1L, Status.WARN, 2L, Status.INFO, 0L, Status.NOTE, 0L));
        assertThat(warnCount(after, "5.5")).isEqualTo(warnCount(before, "5.5") + 2);
        assertThat(after.checks()).extracting(FleetSummary.CheckCounts::checkId)
                .containsSubsequence("5.5", "5.10");
        assertThat(after.checks()).filteredOn(check -> check.checkId().equals("5.5"))
                .singleElement().extracting(FleetSummary.CheckCounts::title).isEqualTo("Recommendation 5.5");
    }

    @Test
    void findingsSearchPagesInCheckOrder() {
        String hostId = newHostId("search-order");
        publish(report(hostId, 1,
                containerFinding("5.10", "web", Status.WARN),
                containerFinding("5.9", "web", Status.PASS),
                containerFinding("5.1", "web", Status.PASS),
                containerFinding("FB.1", "web", Status.PASS),
                containerFinding("1.1.10", "web", Status.INFO),
                containerFinding("1.1.2", "web", Status.NOTE)));
        awaitAppliedSequence(hostId, 1);

        List<String> checkIds = new ArrayList<>();
        String cursor = "";
        do {
            Page<FleetFinding> page = webClient.get()
                    .uri("/api/v1/findings?host={hostId}&limit=2&cursor={cursor}", hostId, cursor)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Page<FleetFinding>>() {
                    })
                    .returnResult()
                    .getResponseBody();
            page.items().forEach(finding -> checkIds.add(finding.checkId()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(checkIds).containsExactly("1.1.2", "1.1.10", "5.1", "5.9", "5.10", "FB.1");
    }

    @Test
    void fleetSummaryPagesThroughHosts() {
        String first = newHostId("summary-page");
        String second = newHostId("summary-page");
        publish(report(first, 1, containerFinding("5.5", "web", Status.WARN)));
        publish(report(second, 1, containerFinding("5.5", "web", Status.PASS)));
        awaitAppliedSequence(first, 1);
        awaitAppliedSequence(second, 1);

        List<String> listed = new ArrayList<>();
        String cursor = "";
        long hostCount = -1;
        do {
            FleetSummary page = webClient.get()
                    .uri("/api/v1/fleet/summary?hostLimit=2&hostCursor={cursor}", cursor)
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody(FleetSummary.class)
                    .returnResult()
                    .getResponseBody();
            assertThat(page.hosts()).hasSizeLessThanOrEqualTo(2);
            page.hosts().forEach(host -> listed.add(host.hostId()));
            hostCount = page.hostCount();
            cursor = page.nextHostCursor();
        } while (cursor != null);

        assertThat(listed).hasSize((int) hostCount).doesNotHaveDuplicates().isSorted().contains(first, second);
        webClient.get().uri("/api/v1/fleet/summary?hostLimit=0")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("hostLimit"));
    }

    @Test
    void fleetCountsMatchStoredFindings() {
        String hostId = newHostId("fleet-counts");
        publish(report(hostId, 1,
                containerFinding("5.5", "web", Status.WARN),
                containerFinding("5.5", "db", Status.WARN),
                containerFinding("5.12", "web", Status.PASS),
                containerFinding("5.12", "db", Status.INFO)));
        awaitAppliedSequence(hostId, 1);
        publish(report(hostId, 2,
                containerFinding("5.5", "web", Status.PASS),
                containerFinding("5.12", "web", Status.WARN),
                containerFinding("5.12", "cache", Status.NOTE)));
        awaitAppliedSequence(hostId, 2);

        HostFindingsEvaluated relabelled = report(hostId, 3,
                containerFinding("5.5", "web", Status.WARN),
                containerFinding("5.12", "web", Status.WARN));
        publish(new HostFindingsEvaluated(relabelled.schemaVersion(), relabelled.eventId(), relabelled.occurredAt(),
                new HostDescriptor(hostId, "Host " + hostId, Map.of("env", "test", "team", "moved-" + hostId),
                        "0.1.0"),
                relabelled.snapshotSequence(), relabelled.snapshotEventId(), relabelled.snapshotCollectedAt(),
                relabelled.engineVersion(), relabelled.benchmarkId(), relabelled.benchmarkVersion(),
                relabelled.findings()));
        awaitAppliedSequence(hostId, 3);

        // Reports of earlier tests may still arrive between the two reads, so compare until both agree.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(summaryCounts("")).isEqualTo(storedCounts(Map.of()));
            assertThat(summaryCounts("&label=team=platform")).isEqualTo(storedCounts(Map.of("team", "platform")));
            assertThat(summaryCounts("&label=team=moved-" + hostId))
                    .isEqualTo(storedCounts(Map.of("team", "moved-" + hostId)))
                    .containsEntry("1.6.0 5.12 WARN", 1L);
            assertThat(summaryCounts("&label=team=platform&label=env=test"))
                    .as("two labels, summed from the host counts")
                    .isEqualTo(storedCounts(Map.of("team", "platform", "env", "test")));
        });
    }

    /** Returns the summary's counts per benchmark version, check and status, waived findings as WAIVED. */
    private Map<String, Long> summaryCounts(String labelParameters) {
        FleetSummary summary = webClient.get().uri("/api/v1/fleet/summary?hostLimit=1" + labelParameters)
                .exchange()
                .expectStatus().isOk()
                .expectBody(FleetSummary.class)
                .returnResult()
                .getResponseBody();
        Map<String, Long> summarised = new TreeMap<>();
        for (FleetSummary.CheckCounts check : Objects.requireNonNull(summary, "fleet summary body").checks()) {
            check.counts().forEach((status, count) -> {
                if (count != 0) {
                    summarised.put(check.benchmarkVersion() + " " + check.checkId() + " " + status, count);
                }
            });
            if (check.waived() != 0) {
                summarised.put(check.benchmarkVersion() + " " + check.checkId() + " WAIVED", check.waived());
            }
        }
        return summarised;
    }

    /** Counts the stored current findings of the hosts with every label in {@code labels} the same way. */
    private Map<String, Long> storedCounts(Map<String, String> labels) {
        Map<String, Long> stored = new TreeMap<>();
        Flux.from(dsl.select(CURRENT_FINDINGS.BENCHMARK_VERSION, CURRENT_FINDINGS.CHECK_ID,
                                DSL.when(CURRENT_FINDINGS.STATUS.eq(Status.WARN)
                                                .and(CURRENT_FINDINGS.WAIVER_ID.isNotNull()), "WAIVED")
                                        .otherwise(CURRENT_FINDINGS.STATUS.cast(String.class)),
                                DSL.count())
                        .from(CURRENT_FINDINGS)
                        .join(HOSTS).on(HOSTS.HOST_ID.eq(CURRENT_FINDINGS.HOST_ID))
                        .where(DSL.condition("{0} @> cast({1} as jsonb)", HOSTS.LABELS,
                                DSL.val(EventCodec.mapper().writeValueAsString(labels))))
                        .groupBy(DSL.field("1"), DSL.field("2"), DSL.field("3")))
                .doOnNext(row -> stored.put(row.value1() + " " + row.value2() + " " + row.value3(),
                        (long) row.value4()))
                .blockLast(Duration.ofSeconds(30));
        return stored;
    }

    private FleetSummary summary() {
        FleetSummary summary = webClient.get().uri("/api/v1/fleet/summary?hostLimit=1000")
                .exchange()
                .expectStatus().isOk()
                .expectBody(FleetSummary.class)
                .returnResult()
                .getResponseBody();
        return Objects.requireNonNull(summary, "fleet summary body");
    }

    private static long warnCount(FleetSummary summary, String checkId) {
        return summary.checks().stream()
                .filter(check -> check.checkId().equals(checkId))
                .mapToLong(check -> check.counts().get(Status.WARN))
                .sum();
    }

    private HostReport getReport(String uri, String hostId) {
        HostReport report = webClient.get().uri(uri, hostId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(HostReport.class)
                .returnResult()
                .getResponseBody();
        return Objects.requireNonNull(report, "report body");
    }

    private <T> Page<T> getPage(
            String uri, ParameterizedTypeReference<Page<T>> type) {
        var page = webClient.get().uri(uri)
                .exchange()
                .expectStatus().isOk()
                .expectBody(type)
                .returnResult()
                .getResponseBody();
        return Objects.requireNonNull(page, "page body of " + uri);
    }

    private void expectInvalidParameter(String uri, String parameter, String value) {
        webClient.get().uri(uri)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.parameter").isEqualTo(parameter)
                .jsonPath("$.value").isEqualTo(value)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(parameter).contains(value));
    }
}
