package io.fleetbench.report.store;

import static io.fleetbench.report.store.jooq.Tables.CURRENT_FINDINGS;
import static io.fleetbench.report.store.jooq.Tables.FLEET_CHECK_COUNTS;
import static io.fleetbench.report.store.jooq.Tables.HOSTS;
import static io.fleetbench.report.store.jooq.Tables.HOST_CHECK_COUNTS;
import static io.fleetbench.report.store.jooq.Tables.HOST_FACTS;
import static io.fleetbench.report.store.jooq.Tables.HOST_SCORES;
import static io.fleetbench.report.store.jooq.Tables.LABEL_CHECK_COUNTS;
import static io.fleetbench.report.store.jooq.Tables.SNAPSHOT_CONTAINERS;

import io.fleetbench.model.finding.Status;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.query.CheckIdOrder;
import io.fleetbench.report.query.FindingSearch;
import io.fleetbench.report.query.FindingSearch.FindingSort;
import io.fleetbench.report.query.FindingSearch.Position;
import io.fleetbench.report.query.FleetFinding;
import io.fleetbench.report.query.FleetSummary;
import io.fleetbench.report.query.FleetSummary.CheckCounts;
import io.fleetbench.report.query.FleetSummary.HostCounts;
import io.fleetbench.report.query.FleetSummary.SectionCounts;
import io.fleetbench.report.query.ScorePoint;
import io.fleetbench.report.query.Slice;
import io.fleetbench.report.query.StatusCounts;
import io.fleetbench.report.waiver.WaiverStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads fleet-wide views: the summary with scores, the findings of one check across hosts, the findings search and
 * a host's score trend.
 */
@Repository
public class FleetQueries {

    private static final Comparator<CheckCounts> CHECK_ORDER = Comparator
            .comparing(CheckCounts::benchmarkVersion, CheckIdOrder.INSTANCE)
            .thenComparing(CheckCounts::checkId, CheckIdOrder.INSTANCE);

    /** The waiver that covers a listed finding now, read at the database's clock like the host report does. */
    private static final Field<Long> ACTIVE_WAIVER_ID = WaiverStore.activeWaiverId().as("active_waiver_id");

    private final DSLContext dsl;
    private final Duration staleAfter;
    private final Clock clock;

    public FleetQueries(DSLContext dsl, ReportProperties properties) {
        this.dsl = dsl;
        this.staleAfter = properties.staleAfter();
        this.clock = Clock.systemUTC();
    }

    /**
     * Counts current findings per status over the hosts that carry every label in {@code labels}: in total, per
     * section and per check, with scores, and one page of hosts with their own counts.
     *
     * <p>Without a label filter the counts come from {@code fleet_check_counts}, and with a filter of one label from
     * {@code label_check_counts}: a few rows per check whatever the fleet's size. With several labels, they are
     * summed from {@code host_check_counts} of the matching hosts, tens of rows per host.
     *
     * @param afterHostId the last host of the previous page of hosts, or {@code null} for the first page
     * @param hostLimit the most hosts to list
     * @return the summary, with {@code moreHosts} set when hosts follow the listed ones
     */
    public Mono<SummaryPage> fleetSummary(Map<String, String> labels, @Nullable String afterHostId,
            int hostLimit) {
        Condition hostFilter = labelCondition(HOSTS.LABELS, labels);
        OffsetDateTime staleBefore = clock.instant().minus(staleAfter).atOffset(ZoneOffset.UTC);

        Mono<Record2<Integer, Integer>> hostTotals = Mono.from(dsl
                .select(DSL.count(), DSL.count().filterWhere(HOSTS.LAST_SEEN.lt(staleBefore)))
                .from(HOSTS)
                .where(hostFilter));

        Mono<Slice<HostCounts>> hostPage = Flux.from(dsl
                        .select(HOSTS.HOST_ID, HOSTS.NAME, HOSTS.LAST_SEEN, HOST_SCORES.SCORE, HOST_SCORES.PASS_COUNT,
                                HOST_SCORES.WARN_COUNT, HOST_SCORES.INFO_COUNT, HOST_SCORES.NOTE_COUNT,
                                HOST_SCORES.WAIVED_COUNT)
                        .from(HOSTS)
                        .leftJoin(HOST_SCORES)
                        .on(HOST_SCORES.HOST_ID.eq(HOSTS.HOST_ID)
                                .and(HOST_SCORES.SNAPSHOT_SEQUENCE.eq(HOSTS.LAST_SNAPSHOT_SEQUENCE)))
                        .where(hostFilter)
                        .and(afterHostId == null ? DSL.noCondition() : HOSTS.HOST_ID.gt(afterHostId))
                        .orderBy(HOSTS.HOST_ID)
                        .limit(hostLimit + 1))
                .map(row -> new HostCounts(row.value1(), row.value2(), row.value4(),
                        row.value3().isBefore(staleBefore),
                        statusCounts(row.value5(), row.value6(), row.value7(), row.value8()),
                        row.value9() == null ? 0 : row.value9()))
                .collectList()
                .map(rows -> Slice.of(rows, hostLimit));

        String countedLabel = countedLabel(labels);
        Select<? extends Record> checkQuery;
        if (labels.isEmpty()) {
            checkQuery = checkRows(CountTable.FLEET, FLEET_CHECK_COUNTS, DSL.noCondition());
        } else if (countedLabel != null) {
            checkQuery = checkRows(CountTable.LABEL, LABEL_CHECK_COUNTS, LABEL_CHECK_COUNTS.LABEL.eq(countedLabel));
        } else {
            checkQuery = checkRows(CountTable.HOST,
                    HOST_CHECK_COUNTS.join(HOSTS).on(HOSTS.HOST_ID.eq(HOST_CHECK_COUNTS.HOST_ID)), hostFilter);
        }
        Mono<List<CheckRow>> checks = Flux.from(checkQuery)
                .map(CheckRow::of)
                .filter(row -> row.total() != 0)
                .collectList();

        return Mono.zip(hostTotals, hostPage, checks).map(parts -> {
            Slice<HostCounts> hosts = parts.getT2();
            return new SummaryPage(summary(labels, parts.getT1().value1(), parts.getT1().value2(), hosts.items(),
                    parts.getT3()), hosts.hasMore());
        });
    }

    /**
     * A fleet summary whose host list is one page.
     *
     * @param summary the summary
     * @param moreHosts whether more hosts follow the last one listed
     */
    public record SummaryPage(FleetSummary summary, boolean moreHosts) {
    }

    /** Returns the one label of a filter as {@code key=value} when it has counts of its own, or {@code null}. */
    private static @Nullable String countedLabel(Map<String, String> labels) {
        if (labels.size() != 1) {
            return null;
        }
        Map.Entry<String, String> label = labels.entrySet().iterator().next();
        return label.getKey().length() + label.getValue().length() < FindingCounts.MAX_COUNTED_LABEL
                ? label.getKey() + "=" + label.getValue()
                : null;
    }

    /**
     * Sums a count table's rows per check, one column per status with waived WARN findings apart, so that a summary
     * maps one row per check instead of one per check, status and waiver state.
     */
    private Select<? extends Record> checkRows(CountTable counts, TableLike<?> from, Condition filter) {
        return dsl.select(counts.version(), counts.checkId(), DSL.max(counts.title()), DSL.max(counts.section()),
                        DSL.boolOr(counts.scored()),
                        countOf(counts, counts.status().eq(Status.PASS)),
                        countOf(counts, counts.status().eq(Status.WARN)),
                        countOf(counts, counts.status().eq(Status.INFO)),
                        countOf(counts, counts.status().eq(Status.NOTE)),
                        DSL.sum(counts.count()).filterWhere(counts.waived()))
                .from(from)
                .where(filter)
                .groupBy(counts.version(), counts.checkId());
    }

    private static Field<BigDecimal> countOf(CountTable counts, Condition status) {
        return DSL.sum(counts.count()).filterWhere(status.and(DSL.not(counts.waived())));
    }

    /** The columns of one of the three tables of per-check counts, which share their names and meaning. */
    private record CountTable(Field<String> version, Field<String> checkId, Field<Status> status,
            Field<Boolean> waived, Field<String> title, Field<String> section, Field<Boolean> scored,
            Field<? extends Number> count) {

        static final CountTable FLEET = new CountTable(FLEET_CHECK_COUNTS.BENCHMARK_VERSION,
                FLEET_CHECK_COUNTS.CHECK_ID, FLEET_CHECK_COUNTS.STATUS, FLEET_CHECK_COUNTS.WAIVED,
                FLEET_CHECK_COUNTS.TITLE, FLEET_CHECK_COUNTS.SECTION, FLEET_CHECK_COUNTS.SCORED,
                FLEET_CHECK_COUNTS.FINDING_COUNT);
        static final CountTable LABEL = new CountTable(LABEL_CHECK_COUNTS.BENCHMARK_VERSION,
                LABEL_CHECK_COUNTS.CHECK_ID, LABEL_CHECK_COUNTS.STATUS, LABEL_CHECK_COUNTS.WAIVED,
                LABEL_CHECK_COUNTS.TITLE, LABEL_CHECK_COUNTS.SECTION, LABEL_CHECK_COUNTS.SCORED,
                LABEL_CHECK_COUNTS.FINDING_COUNT);
        static final CountTable HOST = new CountTable(HOST_CHECK_COUNTS.BENCHMARK_VERSION,
                HOST_CHECK_COUNTS.CHECK_ID, HOST_CHECK_COUNTS.STATUS, HOST_CHECK_COUNTS.WAIVED,
                HOST_CHECK_COUNTS.TITLE, HOST_CHECK_COUNTS.SECTION, HOST_CHECK_COUNTS.SCORED,
                HOST_CHECK_COUNTS.FINDING_COUNT);
    }

    private static FleetSummary summary(Map<String, String> labels, long hostCount, long staleHostCount,
            List<HostCounts> hosts, List<CheckRow> rows) {
        Map<String, CheckAccumulator> byCheck = new LinkedHashMap<>();
        Map<String, CheckAccumulator> bySection = new TreeMap<>();
        CheckAccumulator fleet = new CheckAccumulator("", "", "", "");
        for (CheckRow row : rows) {
            byCheck.computeIfAbsent(row.benchmarkVersion() + "\u0000" + row.checkId(),
                    ignored -> new CheckAccumulator(row.benchmarkVersion(), row.checkId(), row.title(),
                            row.section())).add(row);
            bySection.computeIfAbsent(row.section(), section -> new CheckAccumulator("", "", "", section)).add(row);
            fleet.add(row);
        }

        List<CheckCounts> checks = new ArrayList<>();
        for (CheckAccumulator check : byCheck.values()) {
            checks.add(new CheckCounts(check.checkId, check.title, check.benchmarkVersion, check.section,
                    StatusCounts.complete(check.counts), check.waived));
        }
        checks.sort(CHECK_ORDER);
        List<SectionCounts> sections = new ArrayList<>();
        for (CheckAccumulator section : bySection.values()) {
            sections.add(new SectionCounts(section.section, section.score(), StatusCounts.complete(section.counts),
                    section.waived));
        }
        return new FleetSummary(hostCount, staleHostCount, new TreeMap<>(labels), fleet.score(),
                StatusCounts.complete(fleet.counts), fleet.waived, hosts, null, sections, checks);
    }

    /**
     * Lists the current findings of one check on every host, ordered by host id, benchmark version and target key.
     *
     * @param statuses statuses to include; empty means all
     * @param after the last item of the previous page, or {@code null} for the first page
     */
    public Mono<Slice<FleetFinding>> checkFindings(String checkId, Set<Status> statuses, @Nullable Position after,
            int limit) {
        Condition keyset = after == null
                ? DSL.noCondition()
                : DSL.row(CURRENT_FINDINGS.HOST_ID, CURRENT_FINDINGS.BENCHMARK_VERSION, CURRENT_FINDINGS.TARGET_KEY)
                        .gt(after.hostId(), after.benchmarkVersion(), after.targetKey());
        return Flux.from(dsl.select(findingFields())
                        .from(CURRENT_FINDINGS)
                        .join(HOSTS).on(HOSTS.HOST_ID.eq(CURRENT_FINDINGS.HOST_ID))
                        .where(CURRENT_FINDINGS.CHECK_ID.eq(checkId))
                        .and(statusCondition(statuses))
                        .and(keyset)
                        .orderBy(CURRENT_FINDINGS.HOST_ID, CURRENT_FINDINGS.BENCHMARK_VERSION,
                                CURRENT_FINDINGS.TARGET_KEY)
                        .limit(limit + 1))
                .map(FleetQueries::fleetFinding)
                .collectList()
                .map(rows -> Slice.of(rows, limit));
    }

    /** Searches current findings over the fleet, in the search's order, with keyset pagination. */
    public Mono<Slice<FleetFinding>> searchFindings(FindingSearch search, @Nullable Position after, int limit) {
        Condition filter = statusCondition(search.statuses())
                .and(search.checkIds().isEmpty() ? DSL.noCondition() : CURRENT_FINDINGS.CHECK_ID.in(search.checkIds()))
                // Section titles differ in case between catalogues ("Container Runtime", "Container runtime").
                .and(search.sections().isEmpty() ? DSL.noCondition() : DSL.lower(CURRENT_FINDINGS.SECTION)
                        .in(search.sections().stream().map(section -> section.toLowerCase(Locale.ROOT)).toList()))
                .and(search.hostIds().isEmpty() ? DSL.noCondition() : CURRENT_FINDINGS.HOST_ID.in(search.hostIds()))
                .and(labelCondition(HOSTS.LABELS, search.labels()))
                .and(targetCondition(search.target()))
                .and(imageCondition(search.image()))
                .and(search.changedFrom() == null ? DSL.noCondition()
                        : CURRENT_FINDINGS.LAST_CHANGED.ge(search.changedFrom().atOffset(ZoneOffset.UTC)))
                .and(search.changedBefore() == null ? DSL.noCondition()
                        : CURRENT_FINDINGS.LAST_CHANGED.lt(search.changedBefore().atOffset(ZoneOffset.UTC)))
                .and(after == null ? DSL.noCondition() : keysetAfter(search.sort(), after));
        return Flux.from(dsl.select(findingFields())
                        .from(CURRENT_FINDINGS)
                        .join(HOSTS).on(HOSTS.HOST_ID.eq(CURRENT_FINDINGS.HOST_ID))
                        .where(filter)
                        .orderBy(sortFields(search.sort()))
                        .limit(limit + 1))
                .map(FleetQueries::fleetFinding)
                .collectList()
                .map(rows -> Slice.of(rows, limit));
    }

    /**
     * Lists a host's score after each applied report in a time range, oldest first.
     *
     * @param afterSequence the last sequence of the previous page, or {@code null} for the first page
     * @return the page, or an empty {@code Mono} when no report of the host was applied
     */
    public Mono<Slice<ScorePoint>> scoreTrend(String hostId, @Nullable Instant from, @Nullable Instant before,
            @Nullable Long afterSequence, int limit) {
        Mono<Slice<ScorePoint>> page = Flux.from(dsl.selectFrom(HOST_SCORES)
                        .where(HOST_SCORES.HOST_ID.eq(hostId))
                        .and(from == null ? DSL.noCondition()
                                : HOST_SCORES.COLLECTED_AT.ge(from.atOffset(ZoneOffset.UTC)))
                        .and(before == null ? DSL.noCondition()
                                : HOST_SCORES.COLLECTED_AT.lt(before.atOffset(ZoneOffset.UTC)))
                        .and(afterSequence == null ? DSL.noCondition()
                                : HOST_SCORES.SNAPSHOT_SEQUENCE.gt(afterSequence))
                        .orderBy(HOST_SCORES.SNAPSHOT_SEQUENCE)
                        .limit(limit + 1))
                .map(row -> new ScorePoint(row.getSnapshotSequence(), row.getCollectedAt().toInstant(),
                        row.getScore(), row.getPassCount(), row.getWarnCount(), row.getInfoCount(),
                        row.getNoteCount(), row.getWaivedCount()))
                .collectList()
                .map(rows -> Slice.of(rows, limit));
        return Mono.from(dsl.selectOne().from(HOSTS).where(HOSTS.HOST_ID.eq(hostId))).flatMap(found -> page);
    }

    /** Returns a condition that the JSONB label column contains every entry of {@code labels}. */
    static Condition labelCondition(Field<?> labelsColumn, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return DSL.noCondition();
        }
        return DSL.condition("{0} @> cast({1} as jsonb)", labelsColumn,
                DSL.val(FactsStore.json(new TreeMap<>(labels)).data()));
    }

    private static Condition statusCondition(Set<Status> statuses) {
        return statuses.isEmpty() ? DSL.noCondition() : CURRENT_FINDINGS.STATUS.in(statuses);
    }

    /** Matches the whole target key, or the part after its kind ({@code web} for {@code container:web}). */
    private static Condition targetCondition(@Nullable String target) {
        if (target == null) {
            return DSL.noCondition();
        }
        return CURRENT_FINDINGS.TARGET_KEY.eq(target)
                .or(DSL.condition("split_part({0}, ':', 1) || ':' || {1} = {0}", CURRENT_FINDINGS.TARGET_KEY,
                        DSL.val(target)));
    }

    /**
     * Matches findings about the image itself, and findings about containers created from it according to the
     * host's newest stored snapshot.
     */
    private static Condition imageCondition(@Nullable String image) {
        if (image == null) {
            return DSL.noCondition();
        }
        Condition imageTarget = CURRENT_FINDINGS.TARGET_KEY.eq("image:" + image)
                .or(DSL.condition("starts_with({0}, {1})", CURRENT_FINDINGS.TARGET_KEY, DSL.val("image:" + image + ":")));
        Condition containerFromImage = DSL.exists(DSL.selectOne()
                .from(SNAPSHOT_CONTAINERS)
                .join(HOST_FACTS).on(HOST_FACTS.HOST_ID.eq(SNAPSHOT_CONTAINERS.HOST_ID)
                        .and(HOST_FACTS.LAST_SNAPSHOT_SEQUENCE.eq(SNAPSHOT_CONTAINERS.SNAPSHOT_SEQUENCE)))
                .where(SNAPSHOT_CONTAINERS.HOST_ID.eq(CURRENT_FINDINGS.HOST_ID))
                .and(CURRENT_FINDINGS.TARGET_KEY.eq(DSL.inline("container:").concat(SNAPSHOT_CONTAINERS.CONTAINER_NAME)))
                .and(FactsQueries.imageMatches(SNAPSHOT_CONTAINERS.IMAGE, image)));
        return imageTarget.or(containerFromImage);
    }

    private static List<SortField<?>> sortFields(FindingSort sort) {
        List<SortField<?>> fields = new ArrayList<>();
        if (sort == FindingSort.LAST_CHANGED) {
            fields.add(CURRENT_FINDINGS.LAST_CHANGED.asc());
        } else if (sort == FindingSort.LAST_CHANGED_DESC) {
            fields.add(CURRENT_FINDINGS.LAST_CHANGED.desc());
        }
        fields.add(CURRENT_FINDINGS.HOST_ID.asc());
        fields.add(CURRENT_FINDINGS.BENCHMARK_VERSION.asc());
        fields.add(CURRENT_FINDINGS.CHECK_SORT_KEY.asc());
        fields.add(CURRENT_FINDINGS.TARGET_KEY.asc());
        return fields;
    }

    private static Condition keysetAfter(FindingSort sort, Position after) {
        Condition keyAfter = DSL.row(CURRENT_FINDINGS.HOST_ID, CURRENT_FINDINGS.BENCHMARK_VERSION,
                        CURRENT_FINDINGS.CHECK_SORT_KEY, CURRENT_FINDINGS.TARGET_KEY)
                .gt(after.hostId(), after.benchmarkVersion(), CheckIdOrder.sortKey(after.checkId()),
                        after.targetKey());
        var lastChanged = after.lastChanged().atOffset(ZoneOffset.UTC);
        return switch (sort) {
            case HOST -> keyAfter;
            case LAST_CHANGED -> CURRENT_FINDINGS.LAST_CHANGED.gt(lastChanged)
                    .or(CURRENT_FINDINGS.LAST_CHANGED.eq(lastChanged).and(keyAfter));
            case LAST_CHANGED_DESC -> CURRENT_FINDINGS.LAST_CHANGED.lt(lastChanged)
                    .or(CURRENT_FINDINGS.LAST_CHANGED.eq(lastChanged).and(keyAfter));
        };
    }

    private static List<Field<?>> findingFields() {
        return List.of(CURRENT_FINDINGS.HOST_ID, HOSTS.NAME, CURRENT_FINDINGS.BENCHMARK_VERSION,
                CURRENT_FINDINGS.CHECK_ID, CURRENT_FINDINGS.TITLE, CURRENT_FINDINGS.SECTION,
                CURRENT_FINDINGS.TARGET_KIND, CURRENT_FINDINGS.TARGET_KEY, CURRENT_FINDINGS.TARGET_ID,
                CURRENT_FINDINGS.STATUS, CURRENT_FINDINGS.REASON, CURRENT_FINDINGS.FIRST_SEEN,
                CURRENT_FINDINGS.LAST_CHANGED, HOSTS.LAST_SEEN, ACTIVE_WAIVER_ID);
    }

    private static FleetFinding fleetFinding(Record row) {
        return new FleetFinding(
                row.get(CURRENT_FINDINGS.HOST_ID),
                row.get(HOSTS.NAME),
                row.get(CURRENT_FINDINGS.BENCHMARK_VERSION),
                row.get(CURRENT_FINDINGS.CHECK_ID),
                row.get(CURRENT_FINDINGS.TITLE),
                row.get(CURRENT_FINDINGS.SECTION),
                row.get(CURRENT_FINDINGS.TARGET_KIND),
                row.get(CURRENT_FINDINGS.TARGET_KEY),
                row.get(CURRENT_FINDINGS.TARGET_ID),
                row.get(CURRENT_FINDINGS.STATUS),
                row.get(CURRENT_FINDINGS.REASON),
                row.get(CURRENT_FINDINGS.FIRST_SEEN).toInstant(),
                row.get(CURRENT_FINDINGS.LAST_CHANGED).toInstant(),
                row.get(HOSTS.LAST_SEEN).toInstant(),
                row.get(ACTIVE_WAIVER_ID) != null,
                row.get(ACTIVE_WAIVER_ID));
    }

    private static Map<Status, Long> statusCounts(@Nullable Integer pass, @Nullable Integer warn,
            @Nullable Integer info, @Nullable Integer note) {
        EnumMap<Status, Long> counts = StatusCounts.zero();
        counts.put(Status.PASS, pass == null ? 0L : pass);
        counts.put(Status.WARN, warn == null ? 0L : warn);
        counts.put(Status.INFO, info == null ? 0L : info);
        counts.put(Status.NOTE, note == null ? 0L : note);
        return StatusCounts.complete(counts);
    }

    /**
     * One row of the per-check aggregate: a check's findings over the matching hosts per status, without the WARN
     * findings that a waiver covers, which are counted apart.
     */
    private record CheckRow(String benchmarkVersion, String checkId, String title, String section, boolean scored,
            long pass, long warn, long info, long note, long waived) {

        static CheckRow of(Record row) {
            return new CheckRow(row.get(0, String.class), row.get(1, String.class), row.get(2, String.class),
                    row.get(3, String.class), Boolean.TRUE.equals(row.get(4, Boolean.class)), count(row, 5),
                    count(row, 6), count(row, 7), count(row, 8), count(row, 9));
        }

        long total() {
            return pass + warn + info + note + waived;
        }

        private static long count(Record row, int index) {
            BigDecimal value = row.get(index, BigDecimal.class);
            return value == null ? 0 : value.longValue();
        }
    }

    /**
     * Sums check rows into per-status counts, waived findings apart, and the scored PASS and unwaived WARN totals
     * behind a score.
     */
    private static final class CheckAccumulator {
        final String benchmarkVersion;
        final String checkId;
        final String section;
        final EnumMap<Status, Long> counts = StatusCounts.zero();
        // The greatest title seen, so that hosts which report different titles for one check give a stable one.
        String title;
        long waived;
        long scoredPass;
        long scoredWarn;

        CheckAccumulator(String benchmarkVersion, String checkId, String title, String section) {
            this.benchmarkVersion = benchmarkVersion;
            this.checkId = checkId;
            this.title = title;
            this.section = section;
        }

        void add(CheckRow row) {
            if (row.title().compareTo(title) > 0) {
                title = row.title();
            }
            waived += row.waived();
            counts.merge(Status.PASS, row.pass(), Long::sum);
            counts.merge(Status.WARN, row.warn(), Long::sum);
            counts.merge(Status.INFO, row.info(), Long::sum);
            counts.merge(Status.NOTE, row.note(), Long::sum);
            if (row.scored()) {
                scoredPass += row.pass();
                scoredWarn += row.warn();
            }
        }

        @Nullable Double score() {
            return FindingCounts.score(scoredPass, scoredWarn);
        }
    }
}
