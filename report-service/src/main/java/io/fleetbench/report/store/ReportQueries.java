package io.fleetbench.report.store;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.FINDING_TRANSITIONS;
import static io.fleetbench.report.store.jooq.Tables.HOSTS;
import static io.fleetbench.report.store.jooq.Tables.HOST_CHECK_COUNTS;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.finding.Status;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.query.CheckIdOrder;
import io.fleetbench.report.query.FindingView;
import io.fleetbench.report.query.HostReport;
import io.fleetbench.report.query.HostView;
import io.fleetbench.report.query.Slice;
import io.fleetbench.report.query.StatusCounts;
import io.fleetbench.report.query.TransitionView;
import io.fleetbench.report.store.jooq.tables.records.CurrentFindingsRecord;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import io.fleetbench.report.store.jooq.tables.records.HostsRecord;
import io.fleetbench.report.waiver.WaiverStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** Reads the current results, the history and the fleet counts for the HTTP API. */
@Repository
public class ReportQueries {

    private static final TypeReference<Map<String, String>> LABELS_TYPE = new TypeReference<>() {
    };

    private static final Comparator<FindingView> REPORT_ORDER = Comparator
            .comparing(FindingView::checkId, CheckIdOrder.INSTANCE)
            .thenComparing(FindingView::targetKey);

    private final DSLContext dsl;
    private final Duration staleAfter;

    public ReportQueries(DSLContext dsl, ReportProperties properties) {
        this.dsl = dsl;
        this.staleAfter = properties.staleAfter();
    }

    /** Reads up to {@code limit} hosts ordered by host id, starting after {@code afterHostId} when it is given. */
    public Mono<Slice<HostView>> hosts(@Nullable String afterHostId, int limit) {
        Condition after = afterHostId == null ? DSL.noCondition() : HOSTS.HOST_ID.gt(afterHostId);
        return Flux.from(dsl.selectFrom(HOSTS).where(after).orderBy(HOSTS.HOST_ID).limit(limit + 1))
                .collectList()
                .flatMap(rows -> {
                    Slice<HostsRecord> page = Slice.of(rows, limit);
                    List<String> hostIds = page.items().stream().map(HostsRecord::getHostId).toList();
                    return countsOf(hostIds).map(counts -> new Slice<>(
                            page.items().stream().map(host -> hostView(host, counts)).toList(), page.hasMore()));
                });
    }

    /**
     * Reads one host's current findings, restricted to {@code statuses} unless that set is empty.
     *
     * @return the report, or an empty {@code Mono} when no report of the host was applied
     */
    public Mono<HostReport> hostReport(String hostId, Set<Status> statuses) {
        Condition statusFilter = statuses.isEmpty() ? DSL.noCondition() : CURRENT_FINDINGS.STATUS.in(statuses);
        Field<Long> waiverId = WaiverStore.activeWaiverId().as("active_waiver_id");
        Mono<List<FindingView>> findings = Flux.from(dsl.select(CURRENT_FINDINGS.asterisk(), waiverId)
                        .from(CURRENT_FINDINGS)
                        .where(CURRENT_FINDINGS.HOST_ID.eq(hostId))
                        .and(statusFilter))
                .map(row -> findingView(row.into(CURRENT_FINDINGS), row.get(waiverId)))
                .sort(REPORT_ORDER)
                .collectList();
        return host(hostId).flatMap(host -> findings.map(
                list -> new HostReport(host, host.benchmarkVersion(), host.lastSnapshotSequence(), list)));
    }

    /**
     * Reads up to {@code limit} transitions of one host, newest first, starting before {@code beforeTransitionId}
     * when it is given.
     *
     * @return the page, or an empty {@code Mono} when no report of the host was applied
     */
    public Mono<Slice<TransitionView>> history(String hostId, @Nullable Long beforeTransitionId, int limit) {
        Condition before = beforeTransitionId == null
                ? DSL.noCondition()
                : FINDING_TRANSITIONS.TRANSITION_ID.lt(beforeTransitionId);
        Mono<Slice<TransitionView>> page = Flux.from(dsl.selectFrom(FINDING_TRANSITIONS)
                        .where(FINDING_TRANSITIONS.HOST_ID.eq(hostId))
                        .and(before)
                        .orderBy(FINDING_TRANSITIONS.TRANSITION_ID.desc())
                        .limit(limit + 1))
                .map(ReportQueries::transitionView)
                .collectList()
                .map(rows -> Slice.of(rows, limit));
        return Mono.from(dsl.selectOne().from(HOSTS).where(HOSTS.HOST_ID.eq(hostId))).flatMap(found -> page);
    }

    /** Reads one host with its counts, or returns an empty {@code Mono} when it is unknown. */
    public Mono<HostView> host(String hostId) {
        return Mono.from(dsl.selectFrom(HOSTS).where(HOSTS.HOST_ID.eq(hostId)))
                .flatMap(host -> countsOf(List.of(hostId)).map(counts -> hostView(host, counts)));
    }

    private Mono<Map<String, Tally>> countsOf(Collection<String> hostIds) {
        if (hostIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return Flux.from(dsl.select(HOST_CHECK_COUNTS.HOST_ID, HOST_CHECK_COUNTS.STATUS, HOST_CHECK_COUNTS.WAIVED,
                                DSL.sum(HOST_CHECK_COUNTS.FINDING_COUNT))
                        .from(HOST_CHECK_COUNTS)
                        .where(HOST_CHECK_COUNTS.HOST_ID.in(hostIds))
                        .groupBy(HOST_CHECK_COUNTS.HOST_ID, HOST_CHECK_COUNTS.STATUS, HOST_CHECK_COUNTS.WAIVED))
                .collect(HashMap::new, ReportQueries::addCount);
    }

    private static void addCount(Map<String, Tally> counts,
            Record4<String, Status, Boolean, java.math.BigDecimal> row) {
        Tally tally = counts.computeIfAbsent(row.value1(), ignored -> new Tally());
        long count = row.value4() == null ? 0 : row.value4().longValue();
        if (Boolean.TRUE.equals(row.value3())) {
            tally.waived += count;
        } else {
            tally.counts.merge(row.value2(), count, Long::sum);
        }
    }

    /** A host's current findings per status, WARN without the waived ones, and the waived ones. */
    private static final class Tally {
        final EnumMap<Status, Long> counts = new EnumMap<>(Status.class);
        long waived;
    }

    private HostView hostView(HostsRecord host, Map<String, Tally> counts) {
        Tally tally = counts.getOrDefault(host.getHostId(), new Tally());
        Instant staleBefore = Instant.now().minus(staleAfter);
        return new HostView(
                host.getHostId(),
                host.getName(),
                labels(host.getLabels()),
                host.getAgentVersion(),
                host.getEngineVersion(),
                host.getBenchmarkVersion(),
                host.getLastSeen().toInstant(),
                host.getLastReportAt().toInstant(),
                host.getLastSnapshotSequence(),
                host.getLastSeen().toInstant().isBefore(staleBefore),
                StatusCounts.complete(tally.counts),
                tally.waived);
    }

    private static Map<String, String> labels(JSONB json) {
        return EventCodec.mapper().readValue(json.data(), LABELS_TYPE);
    }

    private static FindingView findingView(CurrentFindingsRecord row, @Nullable Long waiverId) {
        return new FindingView(
                row.getCheckId(),
                row.getTitle(),
                row.getSection(),
                row.getScored(),
                row.getTargetKind(),
                row.getTargetKey(),
                row.getTargetId(),
                row.getStatus(),
                row.getReason(),
                row.getRemediation(),
                row.getFirstSeen().toInstant(),
                row.getLastChanged().toInstant(),
                waiverId != null,
                waiverId);
    }

    private static TransitionView transitionView(FindingTransitionsRecord row) {
        Instant occurredAt = row.getOccurredAt().toInstant();
        return new TransitionView(
                row.getTransitionId(),
                row.getBenchmarkVersion(),
                row.getCheckId(),
                row.getTargetKey(),
                row.getTitle(),
                row.getKind(),
                row.getFromStatus(),
                row.getToStatus(),
                row.getReason(),
                occurredAt,
                row.getSnapshotSequence());
    }

}
