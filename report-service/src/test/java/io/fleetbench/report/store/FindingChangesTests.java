package io.fleetbench.report.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.store.jooq.tables.records.CurrentFindingsRecord;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingChangesTests {

    private static final Instant FIRST_COLLECTED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant SECOND_COLLECTED = Instant.parse("2026-01-05T11:00:00Z");

    @Test
    void newHostOpensEveryFinding() {
        HostFindingsEvaluated report = report("1.6.0", 1, FIRST_COLLECTED,
                finding("5.5", "web", Status.WARN, "privileged"), finding("5.6", "web", Status.PASS, "no sshd"));

        FindingChanges changes = FindingChanges.between(List.of(), report);

        assertThat(changes.inserts()).hasSize(2);
        assertThat(changes.inserts().get(0).getFirstSeen()).isEqualTo(at(FIRST_COLLECTED));
        assertThat(changes.inserts().get(0).getLastChanged()).isEqualTo(at(FIRST_COLLECTED));
        assertThat(changes.updates()).isEmpty();
        assertThat(changes.deletions()).isEmpty();
        assertThat(changes.transitions())
                .extracting(FindingTransitionsRecord::getCheckId, FindingTransitionsRecord::getKind,
                        FindingTransitionsRecord::getFromStatus, FindingTransitionsRecord::getToStatus)
                .containsExactly(
                        tuple("5.5", TransitionKind.OPENED, null, Status.WARN),
                        tuple("5.6", TransitionKind.OPENED, null, Status.PASS));
    }

    @Test
    void unchangedFindingWritesNothing() {
        List<CurrentFindingsRecord> stored = FindingChanges.between(List.of(),
                report("1.6.0", 1, FIRST_COLLECTED, finding("5.5", "web", Status.WARN, "privileged"))).inserts();

        FindingChanges changes = FindingChanges.between(stored,
                report("1.6.0", 2, SECOND_COLLECTED, finding("5.5", "web", Status.WARN, "privileged")));

        assertThat(changes.inserts()).isEmpty();
        assertThat(changes.updates()).isEmpty();
        assertThat(changes.deletions()).isEmpty();
        assertThat(changes.transitions()).isEmpty();
    }

    @Test
    void changedReasonUpdatesWithoutTransition() {
        List<CurrentFindingsRecord> stored = FindingChanges.between(List.of(),
                report("1.6.0", 1, FIRST_COLLECTED, finding("5.5", "web", Status.WARN, "privileged"))).inserts();

        FindingChanges changes = FindingChanges.between(stored,
                report("1.6.0", 2, SECOND_COLLECTED, finding("5.5", "web", Status.WARN, "privileged, recreated")));

        assertThat(changes.transitions()).isEmpty();
        assertThat(changes.inserts()).isEmpty();
        assertThat(changes.updates()).singleElement().satisfies(row -> {
            assertThat(row.getReason()).isEqualTo("privileged, recreated");
            assertThat(row.getFirstSeen()).isEqualTo(at(FIRST_COLLECTED));
            assertThat(row.getLastChanged()).isEqualTo(at(FIRST_COLLECTED));
            assertThat(row.getSnapshotSequence()).isEqualTo(2L);
        });
    }

    @Test
    void statusChangeKeepsFirstSeen() {
        List<CurrentFindingsRecord> stored = FindingChanges.between(List.of(),
                report("1.6.0", 1, FIRST_COLLECTED, finding("5.5", "web", Status.WARN, "privileged"))).inserts();

        FindingChanges changes = FindingChanges.between(stored,
                report("1.6.0", 2, SECOND_COLLECTED, finding("5.5", "web", Status.PASS, "not privileged")));

        assertThat(changes.inserts()).isEmpty();
        assertThat(changes.updates()).singleElement().satisfies(row -> {
            assertThat(row.getStatus()).isEqualTo(Status.PASS);
            assertThat(row.getFirstSeen()).isEqualTo(at(FIRST_COLLECTED));
            assertThat(row.getLastChanged()).isEqualTo(at(SECOND_COLLECTED));
        });
        assertThat(changes.transitions()).singleElement().satisfies(transition -> {
            assertThat(transition.getKind()).isEqualTo(TransitionKind.STATUS_CHANGED);
            assertThat(transition.getFromStatus()).isEqualTo(Status.WARN);
            assertThat(transition.getToStatus()).isEqualTo(Status.PASS);
            assertThat(transition.getReason()).isEqualTo("not privileged");
            assertThat(transition.getOccurredAt()).isEqualTo(at(SECOND_COLLECTED));
            assertThat(transition.getSnapshotSequence()).isEqualTo(2L);
        });
        assertThat(changes.count(TransitionKind.STATUS_CHANGED)).isEqualTo(1);
    }

    @Test
    void missingFindingIsResolved() {
        List<CurrentFindingsRecord> stored = FindingChanges.between(List.of(), report("1.6.0", 1, FIRST_COLLECTED,
                finding("5.5", "web", Status.WARN, "privileged"), finding("5.5", "db", Status.PASS, "fine"))).inserts();

        FindingChanges changes = FindingChanges.between(stored,
                report("1.6.0", 2, SECOND_COLLECTED, finding("5.5", "db", Status.PASS, "fine")));

        assertThat(changes.inserts()).isEmpty();
        assertThat(changes.updates()).isEmpty();
        assertThat(changes.deletions()).containsExactly(new FindingKey("1.6.0", "5.5", "container:web"));
        assertThat(changes.transitions()).singleElement().satisfies(transition -> {
            assertThat(transition.getKind()).isEqualTo(TransitionKind.RESOLVED);
            assertThat(transition.getFromStatus()).isEqualTo(Status.WARN);
            assertThat(transition.getToStatus()).isNull();
            assertThat(transition.getReason()).isEqualTo("privileged");
            assertThat(transition.getTitle()).isEqualTo("Recommendation 5.5");
        });
    }

    @Test
    void newBenchmarkVersionReplacesOldFindings() {
        List<CurrentFindingsRecord> stored = FindingChanges.between(List.of(),
                report("1.6.0", 1, FIRST_COLLECTED, finding("5.5", "web", Status.WARN, "privileged"))).inserts();

        FindingChanges changes = FindingChanges.between(stored,
                report("1.7.0", 2, SECOND_COLLECTED, finding("5.4", "web", Status.WARN, "privileged")));

        assertThat(changes.deletions()).containsExactly(new FindingKey("1.6.0", "5.5", "container:web"));
        assertThat(changes.transitions())
                .extracting(FindingTransitionsRecord::getBenchmarkVersion, FindingTransitionsRecord::getCheckId,
                        FindingTransitionsRecord::getKind)
                .containsExactlyInAnyOrder(
                        tuple("1.7.0", "5.4", TransitionKind.OPENED),
                        tuple("1.6.0", "5.5", TransitionKind.RESOLVED));
    }

    private static HostFindingsEvaluated report(String benchmarkVersion, long sequence, Instant collectedAt,
            Finding... findings) {
        return new HostFindingsEvaluated(1, "report-" + sequence, collectedAt.plusSeconds(1),
                new HostDescriptor("host-a", null, null, null), sequence, "snapshot-" + sequence, collectedAt,
                "20.10.24", "cis-docker", benchmarkVersion, List.of(findings));
    }

    private static Finding finding(String checkId, String container, Status status, String reason) {
        return new Finding(checkId, "Recommendation " + checkId, "Container Runtime", true, TargetKind.CONTAINER,
                TargetKind.CONTAINER.key(container), null, status, reason, null);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
