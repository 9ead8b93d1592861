package io.fleetbench.report.store;

import static io.fleetbench.report.store.jooq.Tables.HOST_CHECK_COUNTS;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keeps the counts that summaries read in step with {@code current_findings}: per host and check in
 * {@code host_check_counts}, their sums over the fleet in {@code fleet_check_counts}, and the score of each applied
 * report in {@code host_scores}. WARN findings that a waiver covers are counted apart (the {@code waived} column) and
 * leave the score.
 *
 * <p>The counts are computed in the database from the host's stored findings, after the report's findings and the
 * waivers are written, so ingest and waiver changes share one definition. The fleet rows change by the difference
 * between a host's old and new counts, in key order, so two transactions never wait on each other in a cycle.
 */
@Component
@Order(FindingCounts.INGEST_HOOK_ORDER)
public class FindingCounts implements ReportTransactionHook {

    /** After the waiver hook, which links the report's WARN findings to the waivers that cover them. */
    static final int INGEST_HOOK_ORDER = 150;

    /** Number of fleet count rows per check and status. */
    static final int FLEET_SHARDS = 16;

    private static final String SHARD = "((hashtext(%s) %% " + FLEET_SHARDS + ") + " + FLEET_SHARDS + ") %% "
            + FLEET_SHARDS;

    private static final String FLEET_DELTA = """
            INSERT INTO fleet_check_counts AS f (shard, benchmark_version, check_id, status, waived, title, section,
                    scored, finding_count)
            SELECT d.shard, d.benchmark_version, d.check_id, d.status, d.waived, max(d.title), max(d.section),
                   bool_or(d.scored), sum(d.delta)
            FROM (
                SELECT %s AS shard, c.benchmark_version, c.check_id, c.status,
                       c.waiver_id IS NOT NULL AND c.status = 'WARN' AS waived, c.title, c.section, c.scored,
                       1 AS delta
                FROM current_findings c
                WHERE c.host_id = ANY({0})
                UNION ALL
                SELECT %s, h.benchmark_version, h.check_id, h.status, h.waived, h.title, h.section, h.scored,
                       -h.finding_count
                FROM host_check_counts h
                WHERE h.host_id = ANY({0})
            ) d
            GROUP BY d.shard, d.benchmark_version, d.check_id, d.status, d.waived
            HAVING sum(d.delta) <> 0
            ORDER BY d.shard, d.benchmark_version, d.check_id, d.status, d.waived
            ON CONFLICT (shard, benchmark_version, check_id, status, waived) DO UPDATE
            SET finding_count = f.finding_count + excluded.finding_count,
                title = excluded.title, section = excluded.section, scored = excluded.scored
            """.formatted(SHARD.formatted("c.host_id"), SHARD.formatted("h.host_id"));

    private static final String HOST_COUNTS = """
            INSERT INTO host_check_counts (host_id, benchmark_version, check_id, status, waived, title, section,
                    scored, finding_count)
            SELECT host_id, benchmark_version, check_id, status, waiver_id IS NOT NULL AND status = 'WARN',
                   max(title), max(section), bool_or(scored), count(*)
            FROM current_findings
            WHERE host_id = ANY({0})
            GROUP BY 1, 2, 3, 4, 5
            """;

    /** Columns of a score row from the host's counts, which the two statements below share. */
    private static final String SCORE_COLUMNS = """
            CASE WHEN sum(finding_count) FILTER (WHERE scored AND (status = 'PASS'
                          OR (status = 'WARN' AND NOT waived))) > 0
                 THEN 100.0 * sum(finding_count) FILTER (WHERE scored AND status = 'PASS')
                      / sum(finding_count) FILTER (WHERE scored AND (status = 'PASS'
                          OR (status = 'WARN' AND NOT waived)))
            END AS score,
            coalesce(sum(finding_count) FILTER (WHERE status = 'PASS'), 0) AS pass_count,
            coalesce(sum(finding_count) FILTER (WHERE status = 'WARN' AND NOT waived), 0) AS warn_count,
            coalesce(sum(finding_count) FILTER (WHERE status = 'INFO'), 0) AS info_count,
            coalesce(sum(finding_count) FILTER (WHERE status = 'NOTE'), 0) AS note_count,
            coalesce(sum(finding_count) FILTER (WHERE status = 'WARN' AND waived), 0) AS waived_count
            """;

    private static final String INSERT_SCORE = """
            INSERT INTO host_scores (host_id, snapshot_sequence, collected_at, score, pass_count, warn_count,
                    info_count, note_count, waived_count)
            SELECT {0}, {1}, {2}, s.score, s.pass_count, s.warn_count, s.info_count, s.note_count, s.waived_count
            FROM (SELECT %s FROM host_check_counts WHERE host_id = {0}) s
            ON CONFLICT DO NOTHING
            """.formatted(SCORE_COLUMNS);

    private static final String UPDATE_SCORES = """
            UPDATE host_scores AS t
            SET score = s.score, pass_count = s.pass_count, warn_count = s.warn_count, info_count = s.info_count,
                note_count = s.note_count, waived_count = s.waived_count
            FROM (SELECT host_id, %s FROM host_check_counts WHERE host_id = ANY({0}) GROUP BY host_id) s
            JOIN hosts h ON h.host_id = s.host_id
            WHERE t.host_id = s.host_id AND t.snapshot_sequence = h.last_snapshot_sequence
            """.formatted(SCORE_COLUMNS);

    /** Rewrites the host's counts and appends the report's score, in the report's transaction. */
    @Override
    public Mono<Void> afterWrite(DSLContext tx, HostFindingsEvaluated report,
            List<FindingTransitionsRecord> transitions) {
        String hostId = report.hostId();
        return recountHosts(tx, List.of(hostId))
                .then(Mono.from(tx.query(INSERT_SCORE, DSL.val(hostId),
                        DSL.val(report.snapshotSequence()),
                        DSL.val(report.snapshotCollectedAt().atOffset(ZoneOffset.UTC)))))
                .then();
    }

    /**
     * Recounts the current findings of {@code hostIds} after a waiver change and rewrites the score of each host's
     * last applied report, in the caller's transaction.
     */
    public Mono<Void> recount(DSLContext tx, Collection<String> hostIds) {
        if (hostIds.isEmpty()) {
            return Mono.empty();
        }
        List<String> sorted = List.copyOf(new TreeSet<>(hostIds));
        return recountHosts(tx, sorted)
                .then(Mono.from(tx.query(UPDATE_SCORES, hostArray(sorted))))
                .then();
    }

    private static Mono<Void> recountHosts(DSLContext tx, List<String> hostIds) {
        Field<String[]> hosts = hostArray(hostIds);
        return Mono.from(tx.query(FLEET_DELTA, hosts))
                .then(Mono.from(tx.deleteFrom(HOST_CHECK_COUNTS).where(HOST_CHECK_COUNTS.HOST_ID.in(hostIds))))
                .then(Mono.from(tx.query(HOST_COUNTS, hosts)))
                .then();
    }

    private static Field<String[]> hostArray(List<String> hostIds) {
        return DSL.val(hostIds.toArray(String[]::new), SQLDataType.VARCHAR.array());
    }

    /**
     * Returns the score of a set of counts: the percentage of scored findings that pass, among scored findings that
     * pass or warn without a waiver. INFO and NOTE findings do not count, because they need a person to decide, and
     * waived findings do not count, because someone accepted them.
     *
     * @return the score from 0 to 100, or {@code null} when no scored finding passes or warns
     */
    static @Nullable Double score(long scoredPass, long scoredWarn) {
        long decided = scoredPass + scoredWarn;
        return decided == 0 ? null : 100.0 * scoredPass / decided;
    }
}
