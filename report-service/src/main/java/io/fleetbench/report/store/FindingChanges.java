package io.fleetbench.report.store;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.store.jooq.tables.records.CurrentFindingsRecord;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The writes that turn a host's stored current results into those of a newer report, and the transitions they
 * record. Computing them is a pure function of the stored rows and the report.
 *
 * @param inserts rows of findings that the host has no stored row for
 * @param updates rows that overwrite stored ones: status changes, and findings whose details changed
 * @param deletions keys of stored findings that the report no longer contains
 * @param transitions history rows, one per opened, changed or resolved finding
 */
record FindingChanges(
        List<CurrentFindingsRecord> inserts, List<CurrentFindingsRecord> updates, List<FindingKey> deletions,
        List<FindingTransitionsRecord> transitions) {

    FindingChanges {
        inserts = List.copyOf(inserts);
        updates = List.copyOf(updates);
        deletions = List.copyOf(deletions);
        transitions = List.copyOf(transitions);
    }

    /**
     * Compares {@code stored}, every current result of the report's host, with the report's findings.
     *
     * <p>Stored findings of another benchmark version are resolved too, because the finding key contains the version.
     * After a catalogue upgrade the host's results are those of the new version only.
     */
    static FindingChanges between(Collection<CurrentFindingsRecord> stored, HostFindingsEvaluated report) {
        Map<FindingKey, CurrentFindingsRecord> remaining = new LinkedHashMap<>();
        for (CurrentFindingsRecord row : stored) {
            remaining.put(keyOf(row), row);
        }
        OffsetDateTime observedAt = report.snapshotCollectedAt().atOffset(ZoneOffset.UTC);
        List<CurrentFindingsRecord> inserts = new ArrayList<>();
        List<CurrentFindingsRecord> updates = new ArrayList<>();
        List<FindingTransitionsRecord> transitions = new ArrayList<>();

        for (Finding finding : report.findings()) {
            FindingKey key = new FindingKey(report.benchmarkVersion(), finding.checkId(), finding.targetKey());
            CurrentFindingsRecord previous = remaining.remove(key);
            if (previous == null) {
                inserts.add(currentRow(report, finding, observedAt, observedAt));
                transitions.add(transition(report, key, finding.title(), TransitionKind.OPENED, null, finding.status(),
                        finding.reason(), observedAt));
            } else if (previous.getStatus() != finding.status()) {
                updates.add(currentRow(report, finding, previous.getFirstSeen(), observedAt));
                transitions.add(transition(report, key, finding.title(), TransitionKind.STATUS_CHANGED,
                        previous.getStatus(), finding.status(), finding.reason(), observedAt));
            } else if (!sameDetails(previous, finding)) {
                updates.add(currentRow(report, finding, previous.getFirstSeen(), previous.getLastChanged()));
            }
        }

        List<FindingKey> deletions = new ArrayList<>(remaining.keySet());
        remaining.forEach((key, row) -> transitions.add(transition(report, key, row.getTitle(),
                TransitionKind.RESOLVED, row.getStatus(), null, row.getReason(), observedAt)));
        return new FindingChanges(inserts, updates, deletions, transitions);
    }

    /** Counts the transitions of {@code kind}. */
    int count(TransitionKind kind) {
        return (int) transitions.stream().filter(transition -> transition.getKind() == kind).count();
    }

    private static FindingKey keyOf(CurrentFindingsRecord row) {
        return new FindingKey(row.getBenchmarkVersion(), row.getCheckId(), row.getTargetKey());
    }

    private static boolean sameDetails(CurrentFindingsRecord row, Finding finding) {
        return row.getTitle().equals(finding.title())
                && row.getSection().equals(finding.section())
                && row.getScored() == finding.scored()
                && row.getTargetKind() == finding.targetKind()
                && Objects.equals(row.getTargetId(), finding.targetId())
                && row.getReason().equals(finding.reason())
                && Objects.equals(row.getRemediation(), finding.remediation());
    }

    private static CurrentFindingsRecord currentRow(HostFindingsEvaluated report, Finding finding,
            OffsetDateTime firstSeen, OffsetDateTime lastChanged) {
        CurrentFindingsRecord row = new CurrentFindingsRecord();
        row.setHostId(report.hostId());
        row.setBenchmarkVersion(report.benchmarkVersion());
        row.setCheckId(finding.checkId());
        row.setTargetKey(finding.targetKey());
        row.setTitle(finding.title());
        row.setSection(finding.section());
        row.setScored(finding.scored());
        row.setTargetKind(finding.targetKind());
        row.setTargetId(finding.targetId());
        row.setStatus(finding.status());
        row.setReason(finding.reason());
        row.setRemediation(finding.remediation());
        row.setFirstSeen(firstSeen);
        row.setLastChanged(lastChanged);
        row.setSnapshotSequence(report.snapshotSequence());
        return row;
    }

    private static FindingTransitionsRecord transition(HostFindingsEvaluated report, FindingKey key, String title,
            TransitionKind kind, @Nullable Status from, @Nullable Status to, String reason, OffsetDateTime observedAt) {
        FindingTransitionsRecord row = new FindingTransitionsRecord();
        row.setHostId(report.hostId());
        row.setBenchmarkVersion(key.benchmarkVersion());
        row.setCheckId(key.checkId());
        row.setTargetKey(key.targetKey());
        row.setTitle(title);
        row.setKind(kind);
        row.setFromStatus(from);
        row.setToStatus(to);
        row.setReason(reason);
        row.setOccurredAt(observedAt);
        row.setSnapshotSequence(report.snapshotSequence());
        row.setReportEventId(report.eventId());
        return row;
    }
}
