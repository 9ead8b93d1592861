package io.fleetbench.report.store;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.HOSTS;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.report.query.CheckIdOrder;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.store.jooq.tables.records.CurrentFindingsRecord;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import io.fleetbench.report.store.jooq.tables.records.HostsRecord;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies audit reports to the current results and their history, one PostgreSQL transaction per report.
 *
 * <p>New current results and all transitions are written with binary {@code COPY}, which PostgreSQL stores without
 * parsing text and for which it extends the tables in larger steps. Changed results are rewritten with one
 * statement. A first report writes each of its results twice, once per table, so COPY carries most of the load.
 *
 * <p>Every report first locks its host row, so two reports of one host are applied one after the other even when
 * two consumers receive them during a partition rebalance. A report is applied only if its snapshot sequence is
 * newer than the host's last applied one.
 */
@Repository
public class ReportStore {

    private static final Logger log = LoggerFactory.getLogger(ReportStore.class);

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

    private static final String COPY_FINDINGS = """
            COPY current_findings (host_id, benchmark_version, check_id, check_sort_key, target_key, title, section,
                scored, target_kind, target_id, status, reason, remediation, first_seen, last_changed,
                snapshot_sequence)
            FROM STDIN WITH (FORMAT binary)""";

    private static final int FINDING_COLUMNS = 16;

    /** The identity column numbers the rows in the order they arrive, which is the report's order. */
    private static final String COPY_TRANSITIONS = """
            COPY finding_transitions (host_id, benchmark_version, check_id, target_key, title, kind, from_status,
                to_status, reason, occurred_at, snapshot_sequence, report_event_id)
            FROM STDIN WITH (FORMAT binary)""";

    private static final int TRANSITION_COLUMNS = 12;

    private final ConnectionFactory connectionFactory;
    private final DSLContext dsl;
    private final List<ReportTransactionHook> hooks;

    public ReportStore(ConnectionFactory connectionFactory, DSLContext dsl, List<ReportTransactionHook> hooks) {
        this.connectionFactory = connectionFactory;
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
        return Mono.usingWhen(connectionFactory.create(),
                connection -> Mono.from(connection.beginTransaction())
                        .then(Mono.defer(() -> applyLocked(Transaction.on(connection, dsl), report)))
                        .flatMap(outcome -> Mono.from(connection.commitTransaction()).thenReturn(outcome)),
                Connection::close,
                (connection, error) -> rollbackAndClose(connection, report),
                connection -> rollbackAndClose(connection, report));
    }

    /** Rolls back and closes, keeping a rollback failure from hiding the error that caused it. */
    private static Mono<Void> rollbackAndClose(Connection connection, HostFindingsEvaluated report) {
        return Mono.from(connection.rollbackTransaction())
                .onErrorResume(rollbackError -> {
                    log.warn("Rolling back the transaction of report {} for host {} failed", report.eventId(),
                            report.hostId(), rollbackError);
                    return Mono.empty();
                })
                .then(Mono.from(connection.close()));
    }

    private Mono<ApplyOutcome> applyLocked(Transaction transaction, HostFindingsEvaluated report) {
        DSLContext tx = transaction.dsl();
        return lockHost(tx, report).flatMap(lockedHost -> {
            if (lockedHost.inserted()) {
                return writeFindings(transaction, report, List.of(), null);
            }
            long previousSequence = lockedHost.lastSnapshotSequence();
            if (report.snapshotSequence() <= previousSequence) {
                return Mono.just(ApplyOutcome.skipped(previousSequence));
            }
            return Mono.from(tx.update(HOSTS).set(hostValues(report)).where(HOSTS.HOST_ID.eq(report.hostId())))
                    .then(Flux.from(tx.selectFrom(CURRENT_FINDINGS).where(CURRENT_FINDINGS.HOST_ID.eq(report.hostId())))
                            .collectList())
                    .flatMap(stored -> writeFindings(transaction, report, stored, previousSequence));
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

    private Mono<ApplyOutcome> writeFindings(Transaction transaction, HostFindingsEvaluated report,
            List<CurrentFindingsRecord> stored, @Nullable Long previousSequence) {
        DSLContext tx = transaction.dsl();
        FindingChanges changes = FindingChanges.between(stored, report);
        Mono<Long> inserts = copyFindings(transaction, changes.inserts());
        Mono<Integer> updates = upsertFindings(tx, report.hostId(), report.snapshotSequence(), changes.updates());
        Mono<Integer> deletions = deleteFindings(tx, report.hostId(), changes.deletions());
        Mono<Long> transitions = copyTransitions(transaction, report, changes.transitions());
        Mono<Void> afterWrite = Flux.fromIterable(hooks)
                .concatMap(hook -> hook.afterWrite(tx, report, changes.transitions()))
                .then();
        return inserts.flatMap(inserted -> updates.flatMap(updated -> deletions.map(
                        deleted -> inserted + updated + deleted)))
                .flatMap(rowsWritten -> transitions.then(afterWrite).then(Mono.just(new ApplyOutcome(true,
                        previousSequence,
                        changes.count(TransitionKind.OPENED), changes.count(TransitionKind.STATUS_CHANGED),
                        changes.count(TransitionKind.RESOLVED), Math.toIntExact(rowsWritten)))));
    }

    private static Mono<Long> copyFindings(Transaction transaction, List<CurrentFindingsRecord> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        return transaction.copy(COPY_FINDINGS, () -> {
            BinaryCopyRows copy = new BinaryCopyRows(FINDING_COLUMNS, rows.size());
            for (CurrentFindingsRecord row : rows) {
                copy.row()
                        .text(row.getHostId())
                        .text(row.getBenchmarkVersion())
                        .text(row.getCheckId())
                        .text(CheckIdOrder.sortKey(row.getCheckId()))
                        .text(row.getTargetKey())
                        .text(row.getTitle())
                        .text(row.getSection())
                        .bool(row.getScored())
                        .text(row.getTargetKind().name())
                        .text(row.getTargetId())
                        .text(row.getStatus().name())
                        .text(row.getReason())
                        .text(row.getRemediation())
                        .timestamptz(row.getFirstSeen())
                        .timestamptz(row.getLastChanged())
                        .int8(row.getSnapshotSequence());
            }
            return copy;
        });
    }

    private static Mono<Long> copyTransitions(Transaction transaction, HostFindingsEvaluated report,
            List<FindingTransitionsRecord> rows) {
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        return transaction.copy(COPY_TRANSITIONS, () -> {
            BinaryCopyRows copy = new BinaryCopyRows(TRANSITION_COLUMNS, rows.size());
            for (FindingTransitionsRecord row : rows) {
                copy.row()
                        .text(report.hostId())
                        .text(row.getBenchmarkVersion())
                        .text(row.getCheckId())
                        .text(row.getTargetKey())
                        .text(row.getTitle())
                        .text(row.getKind().name())
                        .text(row.getFromStatus() == null ? null : row.getFromStatus().name())
                        .text(row.getToStatus() == null ? null : row.getToStatus().name())
                        .text(row.getReason())
                        .timestamptz(row.getOccurredAt())
                        .int8(report.snapshotSequence())
                        .text(report.eventId());
            }
            return copy;
        });
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
     * A report's transaction: its connection, for {@code COPY}, and a jOOQ context over the same connection.
     */
    private record Transaction(Connection connection, DSLContext dsl) {

        /** Returns the transaction of {@code connection}, whose jOOQ context takes the settings of {@code dsl}. */
        static Transaction on(Connection connection, DSLContext dsl) {
            return new Transaction(connection, DSL.using(connection, dsl.dialect(), dsl.settings()));
        }

        /** Sends the rows that {@code rows} builds, once subscribed, and returns the number the server stored. */
        Mono<Long> copy(String sql, Supplier<BinaryCopyRows> rows) {
            PostgresqlConnection postgres = postgresConnection(connection);
            return postgres.copyIn(sql, Mono.fromSupplier(() -> rows.get().finish()));
        }

        private static PostgresqlConnection postgresConnection(Connection connection) {
            Object current = connection;
            for (int depth = 0; depth < 8 && !(current instanceof PostgresqlConnection); depth++) {
                if (!(current instanceof Wrapped<?> wrapped)) {
                    break;
                }
                current = wrapped.unwrap();
            }
            if (current instanceof PostgresqlConnection postgres) {
                return postgres;
            }
            throw new IllegalStateException("The report store writes with COPY and needs an r2dbc-postgresql"
                    + " connection, but the pool gave " + connection.getClass().getName()
                    + ". Point spring.r2dbc.url at PostgreSQL (r2dbc:postgresql://...)");
        }
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
