package io.fleetbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Status;
import io.fleetbench.report.query.FindingView;
import io.fleetbench.report.query.HostReport;
import io.fleetbench.report.store.ApplyOutcome;
import io.fleetbench.report.store.ReportQueries;
import io.fleetbench.report.store.ReportStore;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
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

    private static void assertNewerReportStored(HostReport stored) {
        assertThat(stored.snapshotSequence()).isEqualTo(2L);
        assertThat(stored.findings())
                .extracting(finding -> finding.checkId() + " " + finding.targetKey())
                .containsExactly("5.5 container:web", "5.6 container:db");
        assertThat(stored.findings()).extracting(FindingView::status).containsExactly(Status.PASS, Status.INFO);
    }
}
