package io.fleetbench.report.waiver;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.FINDING_TRANSITIONS;
import static io.fleetbench.report.store.jooq.Tables.HOSTS;
import static io.fleetbench.report.store.jooq.Tables.WAIVERS;
import static io.fleetbench.report.store.jooq.Tables.WAIVER_CHANGES;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.store.FindingCounts;
import io.fleetbench.report.alert.AlertOutbox;
import io.fleetbench.report.alert.AlertType;
import io.fleetbench.report.query.TransitionKind;
import io.fleetbench.report.store.jooq.tables.records.WaiversRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Row4;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * Stores waivers, links the WARN findings they cover, and records each change in the waiver's change log and in
 * the findings' transitions, one transaction per change.
 */
@Repository
public class WaiverStore {

    /** Actor of the changes that the expiry job makes. */
    static final String SYSTEM_ACTOR = "fleetbench";

    /**
     * Key of the PostgreSQL transaction-level advisory lock that serializes creating, revoking and expiring waivers.
     * Without it, two waivers revoked at once could hand their findings to each other, and a waiver created during
     * a revocation could miss the findings that the revocation re-opens.
     * NOTE: ingest does not take this lock, so a report applied while a waiver is being revoked can still link new
     * findings to that waiver.
     */
    private static final long WAIVER_CHANGES_LOCK_KEY = 0x466c656574L;

    private static final TypeReference<Map<String, String>> LABELS_TYPE = new TypeReference<>() {
    };

    private final DSLContext dsl;
    private final AlertOutbox alerts;
    private final FindingCounts counts;
    private final int writeBatchSize;

    public WaiverStore(DSLContext dsl, AlertOutbox alerts, FindingCounts counts, ReportProperties properties) {
        this.dsl = dsl;
        this.alerts = alerts;
        this.counts = counts;
        this.writeBatchSize = properties.writeBatchSize();
    }

    /**
     * Returns the id of the waiver that covers a row of {@code current_findings} at {@code now}, or SQL NULL when
     * none does or the waiver has expired or was revoked. Reads use it, so an expired waiver stops counting at
     * once, before the expiry job has unlinked its findings.
     */
    public static Field<Long> activeWaiverId(Instant now) {
        return activeWaiverIdAt(DSL.val(utc(now)));
    }

    private static Field<Long> activeWaiverIdAt(Field<OffsetDateTime> now) {
        return DSL.field(DSL.select(WAIVERS.WAIVER_ID)
                .from(WAIVERS)
                .where(WAIVERS.WAIVER_ID.eq(CURRENT_FINDINGS.WAIVER_ID))
                .and(WAIVERS.REVOKED_AT.isNull())
                .and(WAIVERS.EXPIRES_AT.gt(now)));
    }

    /** Returns {@link #activeWaiverId(Instant)} at the database's current time, for reads outside the service. */
    public static Field<Long> activeWaiverId() {
        return activeWaiverIdAt(DSL.currentOffsetDateTime());
    }

    /** Inserts a validated waiver, waives the current WARN findings it covers, and returns it. */
    Mono<Waiver> create(String checkId, WaiverScope scope, WaiverRequest request, String actor, Instant now) {
        return Mono.from(dsl.transactionPublisher(transaction -> {
            DSLContext tx = transaction.dsl();
            Mono<WaiversRecord> inserted = lockWaiverChanges(tx).then(Mono.from(tx.insertInto(WAIVERS)
                    .set(WAIVERS.CHECK_ID, checkId)
                    .set(WAIVERS.HOST_ID, scope.hostId())
                    .set(WAIVERS.HOST_LABEL, scope.hostLabel())
                    .set(WAIVERS.CONTAINER_PATTERN, scope.containerPattern())
                    .set(WAIVERS.IMAGE_PATTERN, scope.imagePattern())
                    .set(WAIVERS.REASON, request.reason())
                    .set(WAIVERS.OWNER, request.owner())
                    .set(WAIVERS.APPROVER, request.approver())
                    .set(WAIVERS.CREATED_BY, actor)
                    .set(WAIVERS.CREATED_AT, utc(now))
                    .set(WAIVERS.EXPIRES_AT, utc(request.expiresAt()))
                    .returning()));
            return inserted.flatMap(waiver -> {
                Condition candidates = CURRENT_FINDINGS.CHECK_ID.eq(checkId)
                        .and(CURRENT_FINDINGS.STATUS.eq(Status.WARN))
                        .and(CURRENT_FINDINGS.WAIVER_ID.isNull())
                        .and(scope.hostId() == null ? DSL.noCondition() : CURRENT_FINDINGS.HOST_ID.eq(scope.hostId()));
                return coveredFindings(tx, candidates)
                        .map(findings -> findings.stream().filter(finding -> finding.inScope(scope)).toList())
                        .flatMap(findings -> waive(tx, waiver, findings, now, null, null)
                                .then(counts.recount(tx, hostIds(findings)))
                                .then(logChange(tx, waiver.getWaiverId(), "CREATED", actor, now, findings.size())))
                        .thenReturn(view(waiver, now));
            });
        }));
    }

    /** Reads one waiver, or returns an empty {@code Mono} when the id is unknown. */
    Mono<Waiver> find(long waiverId, Instant now) {
        return Mono.from(dsl.selectFrom(WAIVERS).where(WAIVERS.WAIVER_ID.eq(waiverId))).map(row -> view(row, now));
    }

    /** Lists waivers ordered by id, filtered by state, check id and host id where given. */
    Flux<Waiver> list(Waiver.@Nullable State state, @Nullable String checkId, @Nullable String hostId, Instant now) {
        OffsetDateTime at = utc(now);
        Condition stateCondition = state == null ? DSL.noCondition() : switch (state) {
            case ACTIVE -> WAIVERS.REVOKED_AT.isNull().and(WAIVERS.EXPIRES_AT.gt(at));
            case EXPIRED -> WAIVERS.REVOKED_AT.isNull().and(WAIVERS.EXPIRES_AT.le(at));
            case REVOKED -> WAIVERS.REVOKED_AT.isNotNull();
        };
        Condition checkCondition = checkId == null ? DSL.noCondition() : WAIVERS.CHECK_ID.eq(checkId);
        // A host filter lists the waivers scoped to that host and those that cover at least one of its findings.
        Condition hostCondition = hostId == null ? DSL.noCondition() : WAIVERS.HOST_ID.eq(hostId)
                .or(DSL.exists(DSL.selectOne().from(CURRENT_FINDINGS)
                        .where(CURRENT_FINDINGS.WAIVER_ID.eq(WAIVERS.WAIVER_ID))
                        .and(CURRENT_FINDINGS.HOST_ID.eq(hostId))));
        return Flux.from(dsl.selectFrom(WAIVERS)
                        .where(stateCondition).and(checkCondition).and(hostCondition)
                        .orderBy(WAIVERS.WAIVER_ID))
                .map(row -> view(row, now));
    }

    /** Reads a waiver's change log, oldest first. */
    Flux<WaiverChange> changes(long waiverId) {
        return Flux.from(dsl.selectFrom(WAIVER_CHANGES)
                        .where(WAIVER_CHANGES.WAIVER_ID.eq(waiverId))
                        .orderBy(WAIVER_CHANGES.CHANGE_ID))
                .map(row -> new WaiverChange(row.getChangeId(), row.getAction(), row.getActor(),
                        row.getOccurredAt().toInstant(), row.getFindings()));
    }

    /**
     * Revokes an active waiver, hands the findings it covered to other active waivers that cover them, and re-opens
     * the rest.
     *
     * @return the revoked waiver, or an empty {@code Mono} when the id is unknown
     * @throws WaiverNotActiveException through the {@code Mono} when the waiver is already revoked or expired
     */
    Mono<Waiver> revoke(long waiverId, String actor, Instant now) {
        return Mono.from(dsl.transactionPublisher(transaction -> {
            DSLContext tx = transaction.dsl();
            return lockWaiverChanges(tx).then(lock(tx, waiverId)).flatMap(waiver -> {
                if (view(waiver, now).state() != Waiver.State.ACTIVE) {
                    return Mono.error(new WaiverNotActiveException(view(waiver, now)));
                }
                return Mono.from(tx.update(WAIVERS)
                                .set(WAIVERS.REVOKED_BY, actor)
                                .set(WAIVERS.REVOKED_AT, utc(now))
                                .where(WAIVERS.WAIVER_ID.eq(waiverId))
                                .returning())
                        .flatMap(revoked -> release(tx, revoked, TransitionKind.WAIVER_REVOKED, now)
                                .flatMap(released -> counts.recount(tx, hostIds(released.unlinked()))
                                        .then(logChange(tx, waiverId, "REVOKED", actor, now,
                                                released.reopened().size())))
                                .thenReturn(view(revoked, now)));
            });
        }));
    }

    /**
     * Releases the findings of every waiver that expired at or before {@code now} and was not processed yet, one
     * transaction per waiver, the way {@link #revoke} does, and writes a {@code waiver_expired} alert for each.
     *
     * @return the ids of the processed waivers
     */
    Flux<Long> expireDue(Instant now) {
        return Flux.from(dsl.select(WAIVERS.WAIVER_ID)
                        .from(WAIVERS)
                        .where(WAIVERS.EXPIRES_AT.le(utc(now)))
                        .and(WAIVERS.REVOKED_AT.isNull())
                        .and(WAIVERS.EXPIRY_PROCESSED_AT.isNull())
                        .orderBy(WAIVERS.WAIVER_ID))
                .map(row -> row.value1())
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(waiverId -> expire(waiverId, now));
    }

    private Mono<Long> expire(long waiverId, Instant now) {
        return Mono.from(dsl.transactionPublisher(transaction -> {
            DSLContext tx = transaction.dsl();
            return lockWaiverChanges(tx).then(lock(tx, waiverId))
                    .filter(waiver -> waiver.getRevokedAt() == null && waiver.getExpiryProcessedAt() == null)
                    .flatMap(waiver -> release(tx, waiver, TransitionKind.WAIVER_EXPIRED, now)
                            .flatMap(released -> counts.recount(tx, hostIds(released.unlinked()))
                                    .then(Mono.from(tx.update(WAIVERS)
                                            .set(WAIVERS.EXPIRY_PROCESSED_AT, utc(now))
                                            .where(WAIVERS.WAIVER_ID.eq(waiverId)))
                                    .then(logChange(tx, waiverId, "EXPIRED", SYSTEM_ACTOR, now,
                                            released.reopened().size()))
                                    .then(alerts.enqueue(tx, AlertType.WAIVER_EXPIRED, null,
                                            expiredAlert(waiver, released.reopened()), now))))
                            .thenReturn(waiverId));
        }));
    }

    /**
     * Waives the report's WARN findings that an active waiver covers and that no waiver covers yet, and removes the
     * waiver from findings that no longer warn. Runs inside the report's transaction.
     */
    Mono<Void> waiveOnIngest(DSLContext tx, HostFindingsEvaluated report, Instant now) {
        Mono<Integer> released = Mono.from(tx.update(CURRENT_FINDINGS)
                .setNull(CURRENT_FINDINGS.WAIVER_ID)
                .where(CURRENT_FINDINGS.HOST_ID.eq(report.hostId()))
                .and(CURRENT_FINDINGS.WAIVER_ID.isNotNull())
                .and(CURRENT_FINDINGS.STATUS.ne(Status.WARN)));
        Set<String> warningChecks = new java.util.TreeSet<>();
        report.findings().stream()
                .filter(finding -> finding.status() == Status.WARN)
                .forEach(finding -> warningChecks.add(finding.checkId()));
        if (warningChecks.isEmpty()) {
            return released.then();
        }
        Mono<List<WaiversRecord>> active = activeWaivers(tx, WAIVERS.CHECK_ID.in(warningChecks)
                .and(WAIVERS.HOST_ID.isNull().or(WAIVERS.HOST_ID.eq(report.hostId()))), now);
        return released.then(active).flatMap(waivers -> {
            if (waivers.isEmpty()) {
                return Mono.empty();
            }
            Condition candidates = CURRENT_FINDINGS.HOST_ID.eq(report.hostId())
                    .and(CURRENT_FINDINGS.STATUS.eq(Status.WARN))
                    .and(CURRENT_FINDINGS.WAIVER_ID.isNull())
                    .and(CURRENT_FINDINGS.CHECK_ID.in(warningChecks));
            return coveredFindings(tx, candidates).flatMap(findings ->
                    Flux.fromIterable(byOldestMatchingWaiver(waivers, findings).entrySet())
                            .concatMap(entry -> waive(tx, entry.getKey(), entry.getValue(),
                                    report.snapshotCollectedAt(), report, null))
                            .then());
        });
    }

    /** Reads the waivers matching {@code condition} that are active at {@code now}, oldest first. */
    private static Mono<List<WaiversRecord>> activeWaivers(DSLContext tx, Condition condition, Instant now) {
        return Flux.from(tx.selectFrom(WAIVERS)
                        .where(condition)
                        .and(WAIVERS.REVOKED_AT.isNull())
                        .and(WAIVERS.EXPIRES_AT.gt(utc(now)))
                        .orderBy(WAIVERS.WAIVER_ID))
                .collectList();
    }

    /**
     * Groups {@code findings} by the waiver that covers each one, which is the first of {@code waivers} (ordered
     * oldest first) with the finding's check and a scope that contains it. Findings that no waiver covers are left
     * out.
     */
    private static Map<WaiversRecord, List<CoveredFinding>> byOldestMatchingWaiver(List<WaiversRecord> waivers,
            List<CoveredFinding> findings) {
        Map<WaiversRecord, List<CoveredFinding>> byWaiver = new LinkedHashMap<>();
        for (CoveredFinding finding : findings) {
            waivers.stream()
                    .filter(waiver -> waiver.getCheckId().equals(finding.checkId()) && finding.inScope(scope(waiver)))
                    .findFirst()
                    .ifPresent(waiver -> byWaiver.computeIfAbsent(waiver, key -> new ArrayList<>()).add(finding));
        }
        return byWaiver;
    }

    /** Reads the findings matching {@code condition}, with the labels and last report id of their hosts. */
    private static Mono<List<CoveredFinding>> coveredFindings(DSLContext tx, Condition condition) {
        return Flux.from(tx.select(CURRENT_FINDINGS.HOST_ID, CURRENT_FINDINGS.BENCHMARK_VERSION,
                                CURRENT_FINDINGS.CHECK_ID, CURRENT_FINDINGS.TARGET_KEY, CURRENT_FINDINGS.TITLE,
                                CURRENT_FINDINGS.TARGET_KIND, CURRENT_FINDINGS.STATUS, CURRENT_FINDINGS.REASON,
                                CURRENT_FINDINGS.SNAPSHOT_SEQUENCE, HOSTS.LABELS, HOSTS.LAST_REPORT_EVENT_ID)
                        .from(CURRENT_FINDINGS)
                        .join(HOSTS).on(HOSTS.HOST_ID.eq(CURRENT_FINDINGS.HOST_ID))
                        .where(condition)
                        .orderBy(CURRENT_FINDINGS.HOST_ID, CURRENT_FINDINGS.CHECK_ID, CURRENT_FINDINGS.TARGET_KEY))
                .map(row -> new CoveredFinding(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
                        row.value6(), row.value7(), row.value8(), row.value9(),
                        EventCodec.mapper().readValue(row.value10().data(), LABELS_TYPE), row.value11()))
                .collectList();
    }

    /**
     * Links {@code findings} to {@code waiver} and records a {@code WAIVED} transition for each.
     *
     * @param report the report being applied, which dates the transitions, or {@code null} when a waiver covers
     *     stored findings at {@code observedAt}
     * @param handedOverBecause why the previous waiver of the findings stopped covering them, such as "Waiver 4
     *     was revoked", or {@code null} when the findings had no waiver
     */
    private Mono<Void> waive(DSLContext tx, WaiversRecord waiver, List<CoveredFinding> findings, Instant observedAt,
            @Nullable HostFindingsEvaluated report, @Nullable String handedOverBecause) {
        String handOver = handedOverBecause == null ? ""
                : handedOverBecause + ", so waiver " + waiver.getWaiverId() + " covers the finding now. ";
        String note = handOver + "Waived by waiver " + waiver.getWaiverId() + " until "
                + waiver.getExpiresAt().toInstant() + " (owner " + waiver.getOwner() + "): " + waiver.getReason();
        return inBatches(findings, batch -> Mono.from(tx.update(CURRENT_FINDINGS)
                        .set(CURRENT_FINDINGS.WAIVER_ID, waiver.getWaiverId())
                        .where(keyIn(batch))
                        .and(CURRENT_FINDINGS.WAIVER_ID.isNull())))
                .thenMany(inBatches(findings, batch -> insertTransitions(tx, batch, TransitionKind.WAIVED, note,
                        observedAt, report)))
                .then();
    }

    /**
     * Unlinks every finding of {@code waiver}, which is revoked or expired at {@code now}. A finding that other
     * active waivers cover moves to the oldest of them, as on ingest, with a {@code WAIVED} transition that names
     * both waivers. Every other finding is re-opened with a transition of {@code kind}.
     */
    private Mono<Released> release(DSLContext tx, WaiversRecord waiver, TransitionKind kind, Instant now) {
        String ended = kind == TransitionKind.WAIVER_EXPIRED
                ? "Waiver " + waiver.getWaiverId() + " expired at " + waiver.getExpiresAt().toInstant()
                : "Waiver " + waiver.getWaiverId() + " was revoked";
        String reopenedNote = ended + ", so the finding counts as WARN again";
        return coveredFindings(tx, CURRENT_FINDINGS.WAIVER_ID.eq(waiver.getWaiverId())).flatMap(findings -> {
            Mono<Integer> unlinked = Mono.from(tx.update(CURRENT_FINDINGS)
                    .setNull(CURRENT_FINDINGS.WAIVER_ID)
                    .where(CURRENT_FINDINGS.WAIVER_ID.eq(waiver.getWaiverId())));
            if (findings.isEmpty()) {
                return unlinked.thenReturn(new Released(findings, findings));
            }
            Condition successors = WAIVERS.CHECK_ID.eq(waiver.getCheckId())
                    .and(WAIVERS.WAIVER_ID.ne(waiver.getWaiverId()))
                    .and(WAIVERS.HOST_ID.isNull().or(WAIVERS.HOST_ID.in(hostIds(findings))));
            return unlinked.then(activeWaivers(tx, successors, now)).flatMap(waivers -> {
                Map<WaiversRecord, List<CoveredFinding>> handedOver = byOldestMatchingWaiver(waivers, findings);
                Set<CoveredFinding> stillWaived = handedOver.values().stream()
                        .flatMap(List::stream)
                        .collect(Collectors.toSet());
                List<CoveredFinding> reopened = findings.stream()
                        .filter(finding -> !stillWaived.contains(finding))
                        .toList();
                return Flux.fromIterable(handedOver.entrySet())
                        .concatMap(entry -> waive(tx, entry.getKey(), entry.getValue(), now, null, ended))
                        .thenMany(inBatches(reopened,
                                batch -> insertTransitions(tx, batch, kind, reopenedNote, now, null)))
                        .then(Mono.just(new Released(findings, reopened)));
            });
        });
    }

    private static Mono<Integer> insertTransitions(DSLContext tx, List<CoveredFinding> findings, TransitionKind kind,
            String note, Instant observedAt, @Nullable HostFindingsEvaluated report) {
        var insert = tx.insertInto(FINDING_TRANSITIONS, FINDING_TRANSITIONS.HOST_ID,
                FINDING_TRANSITIONS.BENCHMARK_VERSION, FINDING_TRANSITIONS.CHECK_ID, FINDING_TRANSITIONS.TARGET_KEY,
                FINDING_TRANSITIONS.TITLE, FINDING_TRANSITIONS.KIND, FINDING_TRANSITIONS.FROM_STATUS,
                FINDING_TRANSITIONS.TO_STATUS, FINDING_TRANSITIONS.REASON, FINDING_TRANSITIONS.OCCURRED_AT,
                FINDING_TRANSITIONS.SNAPSHOT_SEQUENCE, FINDING_TRANSITIONS.REPORT_EVENT_ID);
        for (CoveredFinding finding : findings) {
            insert = insert.values(finding.hostId(), finding.benchmarkVersion(), finding.checkId(),
                    finding.targetKey(), finding.title(), kind, finding.status(), finding.status(),
                    note + ". " + finding.reason(), utc(observedAt),
                    report == null ? finding.snapshotSequence() : report.snapshotSequence(),
                    report == null ? finding.lastReportEventId() : report.eventId());
        }
        return Mono.from(insert);
    }

    private <T> Flux<Integer> inBatches(List<T> items, java.util.function.Function<List<T>, Mono<Integer>> statement) {
        List<List<T>> batches = new ArrayList<>();
        for (int start = 0; start < items.size(); start += writeBatchSize) {
            batches.add(items.subList(start, Math.min(items.size(), start + writeBatchSize)));
        }
        return Flux.fromIterable(batches).concatMap(statement);
    }

    private static Set<String> hostIds(List<CoveredFinding> findings) {
        return findings.stream().map(CoveredFinding::hostId).collect(Collectors.toSet());
    }

    private static Condition keyIn(List<CoveredFinding> findings) {
        List<Row4<String, String, String, String>> keys = findings.stream()
                .map(finding -> DSL.row(finding.hostId(), finding.benchmarkVersion(), finding.checkId(),
                        finding.targetKey()))
                .toList();
        return DSL.row(CURRENT_FINDINGS.HOST_ID, CURRENT_FINDINGS.BENCHMARK_VERSION, CURRENT_FINDINGS.CHECK_ID,
                CURRENT_FINDINGS.TARGET_KEY).in(keys);
    }

    /** Takes the advisory lock of waiver changes, which PostgreSQL releases when the transaction ends. */
    private static Mono<Void> lockWaiverChanges(DSLContext tx) {
        return Flux.from(tx.resultQuery("SELECT 1 FROM pg_advisory_xact_lock({0})", DSL.val(WAIVER_CHANGES_LOCK_KEY)))
                .then();
    }

    private static Mono<WaiversRecord> lock(DSLContext tx, long waiverId) {
        return Mono.from(tx.selectFrom(WAIVERS).where(WAIVERS.WAIVER_ID.eq(waiverId)).forUpdate());
    }

    private static Mono<Void> logChange(DSLContext tx, long waiverId, String action, String actor, Instant now,
            int findings) {
        return Mono.from(tx.insertInto(WAIVER_CHANGES)
                        .set(WAIVER_CHANGES.WAIVER_ID, waiverId)
                        .set(WAIVER_CHANGES.ACTION, action)
                        .set(WAIVER_CHANGES.ACTOR, actor)
                        .set(WAIVER_CHANGES.OCCURRED_AT, utc(now))
                        .set(WAIVER_CHANGES.FINDINGS, findings))
                .then();
    }

    private static Map<String, Object> expiredAlert(WaiversRecord waiver, List<CoveredFinding> findings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", AlertType.WAIVER_EXPIRED.eventName());
        body.put("waiverId", waiver.getWaiverId());
        body.put("checkId", waiver.getCheckId());
        body.put("scope", scope(waiver));
        body.put("owner", waiver.getOwner());
        body.put("expiresAt", waiver.getExpiresAt().toInstant().toString());
        body.put("findings", findings.stream().map(finding -> Map.of(
                "hostId", finding.hostId(),
                "benchmarkVersion", finding.benchmarkVersion(),
                "checkId", finding.checkId(),
                "targetKey", finding.targetKey(),
                "title", finding.title(),
                "reason", finding.reason())).toList());
        return body;
    }

    static WaiverScope scope(WaiversRecord row) {
        return new WaiverScope(row.getHostId(), row.getHostLabel(), row.getContainerPattern(), row.getImagePattern());
    }

    static Waiver view(WaiversRecord row, Instant now) {
        Waiver.State state;
        if (row.getRevokedAt() != null) {
            state = Waiver.State.REVOKED;
        } else if (!row.getExpiresAt().toInstant().isAfter(now)) {
            state = Waiver.State.EXPIRED;
        } else {
            state = Waiver.State.ACTIVE;
        }
        return new Waiver(row.getWaiverId(), row.getCheckId(), scope(row), row.getReason(), row.getOwner(),
                row.getApprover(), row.getCreatedBy(), row.getCreatedAt().toInstant(),
                row.getExpiresAt().toInstant(), row.getRevokedBy(),
                row.getRevokedAt() == null ? null : row.getRevokedAt().toInstant(), state);
    }

    private static OffsetDateTime utc(@Nullable Instant instant) {
        return java.util.Objects.requireNonNull(instant, "instant").atOffset(ZoneOffset.UTC);
    }

    /**
     * The findings that a revoked or expired waiver covered ({@code unlinked}) and those of them that no other
     * active waiver covers, which count as WARN again ({@code reopened}).
     */
    private record Released(List<CoveredFinding> unlinked, List<CoveredFinding> reopened) {
    }

    /** A current WARN finding with the host facts that scopes and transitions need. */
    private record CoveredFinding(String hostId, String benchmarkVersion, String checkId, String targetKey,
            String title, TargetKind targetKind, Status status, String reason, long snapshotSequence,
            Map<String, String> labels, String lastReportEventId) {

        boolean inScope(WaiverScope scope) {
            return scope.covers(hostId, labels, targetKind, targetKey);
        }
    }
}
