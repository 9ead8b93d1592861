package io.fleetbench.report.store;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.FINDING_TRANSITIONS;
import static io.fleetbench.report.store.jooq.Tables.HOSTS;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.store.jooq.tables.records.CurrentFindingsRecord;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import io.fleetbench.report.store.jooq.tables.records.HostsRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Row3;
import org.jooq.impl.DSL;
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

    private static final List<Field<?>> TRANSITION_COLUMNS = List.of(
            FINDING_TRANSITIONS.HOST_ID, FINDING_TRANSITIONS.BENCHMARK_VERSION, FINDING_TRANSITIONS.CHECK_ID,
            FINDING_TRANSITIONS.TARGET_KEY, FINDING_TRANSITIONS.TITLE, FINDING_TRANSITIONS.KIND,
            FINDING_TRANSITIONS.FROM_STATUS, FINDING_TRANSITIONS.TO_STATUS, FINDING_TRANSITIONS.REASON,
            FINDING_TRANSITIONS.OCCURRED_AT, FINDING_TRANSITIONS.SNAPSHOT_SEQUENCE,
            FINDING_TRANSITIONS.REPORT_EVENT_ID);

    private final DSLContext dsl;
    private final int writeBatchSize;
    private final List<ReportTransactionHook> hooks;

    public ReportStore(DSLContext dsl, ReportProperties properties, List<ReportTransactionHook> hooks) {
        this.dsl = dsl;
        this.writeBatchSize = properties.writeBatchSize();
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
        Flux<Integer> upserts = inBatches(changes.upserts(), batch -> upsertFindings(tx, batch));
        Flux<Integer> deletions = inBatches(changes.deletions(), batch -> deleteFindings(tx, report.hostId(), batch));
        Flux<Integer> transitions = inBatches(changes.transitions(), batch -> insertTransitions(tx, batch));
        Mono<Void> afterWrite = Flux.fromIterable(hooks)
                .concatMap(hook -> hook.afterWrite(tx, report, changes.transitions()))
                .then();
        return upserts.concatWith(deletions)
                .reduce(0, Integer::sum)
                .flatMap(rowsWritten -> transitions.then(afterWrite).then(Mono.just(new ApplyOutcome(true,
                        previousSequence,
                        changes.count(TransitionKind.OPENED), changes.count(TransitionKind.STATUS_CHANGED),
                        changes.count(TransitionKind.RESOLVED), rowsWritten))));
    }

    /** Runs one statement per batch of at most {@code writeBatchSize} items, one batch after the other. */
    private <T> Flux<Integer> inBatches(List<T> items, Function<List<T>, Mono<Integer>> statement) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += writeBatchSize) {
            batches.add(items.subList(start, Math.min(items.size(), start + writeBatchSize)));
        }
        return Flux.fromIterable(batches).concatMap(statement);
    }

    private static Mono<Integer> upsertFindings(DSLContext tx, List<CurrentFindingsRecord> rows) {
        var insert = tx.insertInto(CURRENT_FINDINGS)
                .columns(CURRENT_FINDINGS.fields())
                .valuesOfRecords(rows)
                .onConflict(CURRENT_FINDINGS.HOST_ID, CURRENT_FINDINGS.BENCHMARK_VERSION, CURRENT_FINDINGS.CHECK_ID,
                        CURRENT_FINDINGS.TARGET_KEY)
                .doUpdate()
                .set(CURRENT_FINDINGS.TITLE, DSL.excluded(CURRENT_FINDINGS.TITLE))
                .set(CURRENT_FINDINGS.SECTION, DSL.excluded(CURRENT_FINDINGS.SECTION))
                .set(CURRENT_FINDINGS.SCORED, DSL.excluded(CURRENT_FINDINGS.SCORED))
                .set(CURRENT_FINDINGS.TARGET_KIND, DSL.excluded(CURRENT_FINDINGS.TARGET_KIND))
                .set(CURRENT_FINDINGS.TARGET_ID, DSL.excluded(CURRENT_FINDINGS.TARGET_ID))
                .set(CURRENT_FINDINGS.STATUS, DSL.excluded(CURRENT_FINDINGS.STATUS))
                .set(CURRENT_FINDINGS.REASON, DSL.excluded(CURRENT_FINDINGS.REASON))
                .set(CURRENT_FINDINGS.REMEDIATION, DSL.excluded(CURRENT_FINDINGS.REMEDIATION))
                .set(CURRENT_FINDINGS.FIRST_SEEN, DSL.excluded(CURRENT_FINDINGS.FIRST_SEEN))
                .set(CURRENT_FINDINGS.LAST_CHANGED, DSL.excluded(CURRENT_FINDINGS.LAST_CHANGED))
                .set(CURRENT_FINDINGS.SNAPSHOT_SEQUENCE, DSL.excluded(CURRENT_FINDINGS.SNAPSHOT_SEQUENCE));
        return Mono.from(insert);
    }

    private static Mono<Integer> deleteFindings(DSLContext tx, String hostId, List<FindingKey> keys) {
        List<Row3<String, String, String>> rows = keys.stream()
                .map(key -> DSL.row(key.benchmarkVersion(), key.checkId(), key.targetKey()))
                .toList();
        return Mono.from(tx.deleteFrom(CURRENT_FINDINGS)
                .where(CURRENT_FINDINGS.HOST_ID.eq(hostId))
                .and(DSL.row(CURRENT_FINDINGS.BENCHMARK_VERSION, CURRENT_FINDINGS.CHECK_ID, CURRENT_FINDINGS.TARGET_KEY)
                        .in(rows)));
    }

    private static Mono<Integer> insertTransitions(DSLContext tx, List<FindingTransitionsRecord> rows) {
        Field<?>[] columns = TRANSITION_COLUMNS.toArray(Field<?>[]::new);
        List<Record> values = rows.stream().map(row -> row.into(columns)).toList();
        return Mono.from(tx.insertInto(FINDING_TRANSITIONS).columns(columns).valuesOfRecords(values));
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
