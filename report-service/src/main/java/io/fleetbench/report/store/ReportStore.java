package io.fleetbench.report.store;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.FINDING_TRANSITIONS;
import static io.fleetbench.report.store.jooq.Tables.HOSTS;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.report.query.CheckIdOrder;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.store.jooq.tables.records.CurrentFindingsRecord;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import io.fleetbench.report.store.jooq.tables.records.HostsRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies audit reports to the current results and their history, one PostgreSQL transaction per report.
 *
 * <p>Every report first locks its host row, so two reports of one host are applied one after the other even when
 * two consumers receive them during a partition rebalance. A report is applied only if its snapshot sequence is
 * newer than the host's last applied one.
 */
@Repository
public class ReportStore {

    private static final String UPSERT_FINDINGS = """
            INSERT INTO current_findings (host_id, benchmark_version, check_id, check_sort_key, target_key, title,
                    section, scored, target_kind, target_id, status, reason, remediation, first_seen, last_changed,
                    snapshot_sequence)
            SELECT {0}, u.benchmark_version, u.check_id, u.check_sort_key, u.target_key, u.title, u.section,
                   u.scored::boolean, u.target_kind, u.target_id, u.status, u.reason, u.remediation,
                   u.first_seen::timestamptz, u.last_changed::timestamptz, {1}
            FROM unnest({2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}, {12}, {13}, {14}, {15})
                AS u(benchmark_version, check_id, check_sort_key, target_key, title, section, scored, target_kind,
                     target_id, status, reason, remediation, first_seen, last_changed)
            ON CONFLICT (host_id, benchmark_version, check_sort_key, target_key) DO UPDATE
            SET title = excluded.title, section = excluded.section, scored = excluded.scored,
                target_kind = excluded.target_kind, target_id = excluded.target_id, status = excluded.status,
                reason = excluded.reason, remediation = excluded.remediation, first_seen = excluded.first_seen,
                last_changed = excluded.last_changed, snapshot_sequence = excluded.snapshot_sequence
            """;

    private static final String DELETE_FINDINGS = """
            DELETE FROM current_findings
            WHERE host_id = {0}
              AND (benchmark_version, check_sort_key, target_key) IN (SELECT * FROM unnest({1}, {2}, {3}))
            """;

    private static final String INSERT_TRANSITIONS = """
            INSERT INTO finding_transitions (host_id, benchmark_version, check_id, target_key, title, kind,
                    from_status, to_status, reason, occurred_at, snapshot_sequence, report_event_id)
            SELECT {0}, u.benchmark_version, u.check_id, u.target_key, u.title, u.kind, u.from_status, u.to_status,
                   u.reason, u.occurred_at::timestamptz, {1}, {2}
            FROM unnest({3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11}) WITH ORDINALITY
                AS u(benchmark_version, check_id, target_key, title, kind, from_status, to_status, reason,
                     occurred_at, position)
            ORDER BY u.position
            """;

    private final DSLContext dsl;
    private final List<ReportTransactionHook> hooks;

    public ReportStore(DSLContext dsl, List<ReportTransactionHook> hooks) {
        this.dsl = dsl;
        this.hooks = List.copyOf(hooks);
    }

    /**
     * Applies {@code report} in one transaction, or leaves everything unchanged when its snapshot sequence is not
     * newer than the host's last applied one.
     *
     * @throws io.fleetbench.model.event.InvalidEventException when a key value is longer than its column or a
     *     finding key appears twice, before any database access
     */
    public Mono<ApplyOutcome> apply(HostFindingsEvaluated report) {
        ColumnLimits.validate(report);
        return Mono.from(dsl.transactionPublisher(transaction -> applyLocked(transaction.dsl(), report)));
    }

    private Mono<ApplyOutcome> applyLocked(DSLContext tx, HostFindingsEvaluated report) {
        return lockHost(tx, report).flatMap(lockedHost -> {
            if (lockedHost.inserted()) {
                return writeFindings(tx, report, List.of(), null);
            }
            long previousSequence = lockedHost.lastSnapshotSequence();
            if (report.snapshotSequence() <= previousSequence) {
                return Mono.just(ApplyOutcome.skipped(previousSequence));
            }
            return Mono.from(tx.update(HOSTS).set(hostValues(report)).where(HOSTS.HOST_ID.eq(report.hostId())))
                    .then(Flux.from(tx.selectFrom(CURRENT_FINDINGS).where(CURRENT_FINDINGS.HOST_ID.eq(report.hostId())))
                            .collectList())
                    .flatMap(stored -> writeFindings(tx, report, stored, previousSequence));
        });
    }

    /**
     * Locks the report's host row for the rest of the transaction. A host seen for the first time is inserted with
     * the report's values, and the uncommitted insert holds the lock. When another transaction inserts the same host
     * at the same time, {@code ON CONFLICT DO NOTHING} waits for it and the row is then locked as an existing one.
     */
    private Mono<LockedHost> lockHost(DSLContext tx, HostFindingsEvaluated report) {
        Mono<LockedHost> existing = Mono.from(tx.select(HOSTS.LAST_SNAPSHOT_SEQUENCE)
                        .from(HOSTS)
                        .where(HOSTS.HOST_ID.eq(report.hostId()))
                        .forUpdate())
                .map(row -> new LockedHost(false, row.value1()));
        Mono<LockedHost> inserted = Mono.from(tx.insertInto(HOSTS)
                        .set(newHost(report))
                        .onConflictDoNothing())
                .flatMap(rowCount -> rowCount == 1 ? Mono.just(new LockedHost(true, 0)) : existing);
        return existing.switchIfEmpty(inserted);
    }

    private Mono<ApplyOutcome> writeFindings(DSLContext tx, HostFindingsEvaluated report,
            List<CurrentFindingsRecord> stored, @Nullable Long previousSequence) {
        FindingChanges changes = FindingChanges.between(stored, report);
        Mono<Integer> upserts = upsertFindings(tx, report.hostId(), report.snapshotSequence(), changes.upserts());
        Mono<Integer> deletions = deleteFindings(tx, report.hostId(), changes.deletions());
        Mono<Integer> transitions = insertTransitions(tx, report, changes.transitions());
        Mono<Void> afterWrite = Flux.fromIterable(hooks)
                .concatMap(hook -> hook.afterWrite(tx, report, changes.transitions()))
                .then();
        return upserts.flatMap(upserted -> deletions.map(deleted -> upserted + deleted))
                .flatMap(rowsWritten -> transitions.then(afterWrite).then(Mono.just(new ApplyOutcome(true,
                        previousSequence,
                        changes.count(TransitionKind.OPENED), changes.count(TransitionKind.STATUS_CHANGED),
                        changes.count(TransitionKind.RESOLVED), rowsWritten))));
    }

    /**
     * Writes the rows in one statement that passes each column as an array, so the statement's text and its number
     * of parameters stay the same whatever the report's size.
     */
    private static Mono<Integer> upsertFindings(DSLContext tx, String hostId, long snapshotSequence,
            List<CurrentFindingsRecord> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0);
        }
        return Mono.from(tx.query(UPSERT_FINDINGS, DSL.val(hostId), DSL.val(snapshotSequence),
                column(rows, CurrentFindingsRecord::getBenchmarkVersion),
                column(rows, CurrentFindingsRecord::getCheckId),
                column(rows, row -> CheckIdOrder.sortKey(row.getCheckId())),
                column(rows, CurrentFindingsRecord::getTargetKey),
                column(rows, CurrentFindingsRecord::getTitle),
                column(rows, CurrentFindingsRecord::getSection),
                column(rows, row -> row.getScored().toString()),
                column(rows, row -> row.getTargetKind().name()),
                column(rows, CurrentFindingsRecord::getTargetId),
                column(rows, row -> row.getStatus().name()),
                column(rows, CurrentFindingsRecord::getReason),
                column(rows, CurrentFindingsRecord::getRemediation),
                column(rows, row -> row.getFirstSeen().toString()),
                column(rows, row -> row.getLastChanged().toString())));
    }

    private static Mono<Integer> deleteFindings(DSLContext tx, String hostId, List<FindingKey> keys) {
        if (keys.isEmpty()) {
            return Mono.just(0);
        }
        return Mono.from(tx.query(DELETE_FINDINGS, DSL.val(hostId),
                column(keys, FindingKey::benchmarkVersion),
                column(keys, key -> CheckIdOrder.sortKey(key.checkId())),
                column(keys, FindingKey::targetKey)));
    }

    private static Mono<Integer> insertTransitions(DSLContext tx, HostFindingsEvaluated report,
            List<FindingTransitionsRecord> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0);
        }
        return Mono.from(tx.query(INSERT_TRANSITIONS, DSL.val(report.hostId()), DSL.val(report.snapshotSequence()),
                DSL.val(report.eventId()),
                column(rows, FindingTransitionsRecord::getBenchmarkVersion),
                column(rows, FindingTransitionsRecord::getCheckId),
                column(rows, FindingTransitionsRecord::getTargetKey),
                column(rows, FindingTransitionsRecord::getTitle),
                column(rows, row -> row.getKind().name()),
                column(rows, row -> row.getFromStatus() == null ? null : row.getFromStatus().name()),
                column(rows, row -> row.getToStatus() == null ? null : row.getToStatus().name()),
                column(rows, FindingTransitionsRecord::getReason),
                column(rows, row -> row.getOccurredAt().toString())));
    }

    /** Returns one column of {@code rows} as a text array parameter; {@code null} values stay SQL NULL. */
    private static <T> Field<String[]> column(List<T> rows, Function<T, @Nullable String> value) {
        String[] values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value.apply(rows.get(i));
        }
        return DSL.val(values, SQLDataType.CLOB.array());
    }

    private static HostsRecord newHost(HostFindingsEvaluated report) {
        HostsRecord host = hostValues(report);
        host.setFirstSeen(OffsetDateTime.now(ZoneOffset.UTC));
        return host;
    }

    /** Returns the host columns that every applied report overwrites, which are all but {@code first_seen}. */
    private static HostsRecord hostValues(HostFindingsEvaluated report) {
        HostsRecord host = new HostsRecord();
        host.setHostId(report.hostId());
        host.setName(report.host().name());
        host.setLabels(labelsJson(report.host().labels()));
        host.setAgentVersion(report.host().agentVersion());
        host.setEngineVersion(report.engineVersion());
        host.setBenchmarkId(report.benchmarkId());
        host.setBenchmarkVersion(report.benchmarkVersion());
        host.setLastSeen(report.snapshotCollectedAt().atOffset(ZoneOffset.UTC));
        host.setLastSnapshotSequence(report.snapshotSequence());
        host.setLastSnapshotEventId(report.snapshotEventId());
        host.setLastReportEventId(report.eventId());
        host.setLastReportAt(report.occurredAt().atOffset(ZoneOffset.UTC));
        return host;
    }

    private static JSONB labelsJson(Map<String, String> labels) {
        return JSONB.valueOf(EventCodec.mapper().writeValueAsString(new TreeMap<>(labels)));
    }

    /**
     * The host row as the transaction found it.
     *
     * @param inserted whether this transaction inserted the row, so the host has no stored results yet
     * @param lastSnapshotSequence the last applied sequence of an existing host
     */
    private record LockedHost(boolean inserted, long lastSnapshotSequence) {
    }
}
