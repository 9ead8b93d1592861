package io.fleetbench.report;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.FINDING_TRANSITIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.report.query.FindingView;
import io.fleetbench.report.query.HostReport;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.query.TransitionView;
import io.fleetbench.report.store.ApplyOutcome;
import io.fleetbench.report.store.ReportQueries;
import io.fleetbench.report.store.ReportStore;
import io.fleetbench.report.store.ReportTransactionHook;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** Applies reports straight to the store, bypassing Kafka, to run cases that per-partition order makes rare. */
class ReportStoreIntegrationTests extends IntegrationTestSupport {

    @Autowired
    private ReportStore store;

    @Autowired
    private ReportQueries queries;

    @Autowired
    private ConnectionFactory connectionFactory;

    @Autowired
    private DSLContext dsl;

    /**
     * A report whose transaction fails after its rows were copied leaves no trace, and the connection goes back to
     * the pool in a state that applies the next report.
     */
    @Test
    void failedReportLeavesNothing() {
        String hostId = newHostId("rollback");
        ReportTransactionHook failing = (tx, report, transitions) -> Mono.error(new IllegalStateException("hook failed"));
        ReportStore failingStore = new ReportStore(connectionFactory, dsl, List.of(failing));

        assertThatThrownBy(() -> failingStore.apply(report(hostId, 1, containerFinding("5.5", "web", Status.WARN)))
                .block(APPLY_TIMEOUT))
                .hasMessageContaining("hook failed");

        assertThat(queries.host(hostId).blockOptional(Duration.ofSeconds(10))).isEmpty();
        assertThat(rowCount(CURRENT_FINDINGS, CURRENT_FINDINGS.HOST_ID.eq(hostId))).as("current results").isZero();
        assertThat(rowCount(FINDING_TRANSITIONS, FINDING_TRANSITIONS.HOST_ID.eq(hostId))).as("transitions").isZero();
        ApplyOutcome retried = store.apply(report(hostId, 1, containerFinding("5.5", "web", Status.WARN)))
                .block(APPLY_TIMEOUT);
        assertThat(retried).extracting(ApplyOutcome::applied, ApplyOutcome::opened).containsExactly(true, 1);
    }

    /**
     * Two first reports of one host in parallel usually both find no host row, so both insert it and one waits on the
     * other's insert. Whatever the order, the newer report wins and the older one is either applied first or skipped.
     */
    @RepeatedTest(3)
    void concurrentFirstReportsApplyNewest() {
        String hostId = newHostId("race");
        HostFindingsEvaluated older = report(hostId, 1, containerFinding("5.5", "web", Status.WARN));
        HostFindingsEvaluated newer = report(hostId, 2, containerFinding("5.5", "web", Status.PASS),
                containerFinding("5.6", "db", Status.INFO));

        Mono<ApplyOutcome> applyOlder = Mono.defer(() -> store.apply(older)).subscribeOn(Schedulers.parallel());
        Mono<ApplyOutcome> applyNewer = Mono.defer(() -> store.apply(newer)).subscribeOn(Schedulers.parallel());

        StepVerifier.create(Mono.zip(applyOlder, applyNewer))
                .assertNext(outcomes -> {
                    assertThat(outcomes.getT2().applied()).as("newer report applied").isTrue();
                    if (!outcomes.getT1().applied()) {
                        assertThat(outcomes.getT1().previousSequence()).isEqualTo(2L);
                    }
                })
                .expectComplete()
                .verify(APPLY_TIMEOUT);

        StepVerifier.create(queries.hostReport(hostId, Set.of()))
                .assertNext(stored -> assertNewerReportStored(stored))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    /**
     * New results and transitions are written with binary COPY. Text with tabs, line breaks, backslashes, quotes and
     * characters outside ASCII, absent values and collection times with microseconds come back as they were sent.
     */
    @Test
    void copiedRowsKeepTheirValues() {
        String hostId = newHostId("copy");
        String reason = "tab\there, line\nbreak, back\\slash \\N, \"quoted\", caf\u00e9 \u6d4b\u8bd5 \ud83d\udc33";
        Finding awkward = new Finding("5.31", "Title with\ttab", "Container Runtime", false, TargetKind.CONTAINER,
                TargetKind.CONTAINER.key("we\\b"), null, Status.WARN, reason, "Fix\r\nit");
        Finding plain = containerFinding("5.5", "db", Status.PASS);
        Instant collectedAt = Instant.parse("2026-03-01T12:34:56.123456Z");
        HostFindingsEvaluated first = new HostFindingsEvaluated(HostFindingsEvaluated.SCHEMA_VERSION,
                UUID.randomUUID().toString(), collectedAt, new HostDescriptor(hostId, "Host " + hostId, Map.of(),
                        "0.1.0"), 1, UUID.randomUUID().toString(), collectedAt, "20.10.24", "cis-docker", "1.6.0",
                List.of(awkward, plain));

        assertThat(store.apply(first).block(APPLY_TIMEOUT)).extracting(ApplyOutcome::applied).isEqualTo(true);

        HostReport stored = queries.hostReport(hostId, Set.of()).block(Duration.ofSeconds(10));
        assertThat(stored).isNotNull();
        assertThat(stored.findings()).filteredOn(finding -> finding.checkId().equals("5.31")).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.title()).isEqualTo("Title with\ttab");
                    assertThat(finding.scored()).isFalse();
                    assertThat(finding.targetKey()).isEqualTo("container:we\\b");
                    assertThat(finding.targetId()).isNull();
                    assertThat(finding.reason()).isEqualTo(reason);
                    assertThat(finding.remediation()).isEqualTo("Fix\r\nit");
                    assertThat(finding.firstSeen()).isEqualTo(collectedAt);
                    assertThat(finding.lastChanged()).isEqualTo(collectedAt);
                });
        assertThat(queries.history(hostId, null, 10).block(Duration.ofSeconds(10)).items())
                .extracting(TransitionView::checkId, TransitionView::kind, TransitionView::fromStatus,
                        TransitionView::toStatus, TransitionView::reason, TransitionView::occurredAt)
                .containsExactly(
                        tuple("5.5", TransitionKind.OPENED, null, Status.PASS, plain.reason(), collectedAt),
                        tuple("5.31", TransitionKind.OPENED, null, Status.WARN, reason, collectedAt));
    }

    private int rowCount(Table<?> table, Condition condition) {
        Integer count = Mono.from(dsl.selectCount().from(table).where(condition))
                .map(row -> row.value1())
                .block(Duration.ofSeconds(10));
        return count == null ? -1 : count;
    }

    private static void assertNewerReportStored(HostReport stored) {
        assertThat(stored.snapshotSequence()).isEqualTo(2L);
        assertThat(stored.findings())
                .extracting(finding -> finding.checkId() + " " + finding.targetKey())
                .containsExactly("5.5 container:web", "5.6 container:db");
        assertThat(stored.findings()).extracting(FindingView::status).containsExactly(Status.PASS, Status.INFO);
    }
}
