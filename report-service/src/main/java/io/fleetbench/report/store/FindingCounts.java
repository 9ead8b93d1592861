package io.fleetbench.report.store;

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
 * {@code host_check_counts}, their sums over the fleet in {@code fleet_check_counts} and per host label in
 * {@code label_check_counts}, and the score of each applied report in {@code host_scores}. WARN findings that a
 * waiver covers are counted apart (the {@code waived} column) and leave the score.
 *
 * <p>The counts are computed in the database from the host's stored findings, after the report's findings and the
 * waivers are written, by one statement that ingest and waiver changes share. The fleet and label rows change by the
 * difference between a host's old and new counts, written in key order so that two transactions lock shared rows in
 * the same order. A deadlock that PostgreSQL still detects fails the report, and the binder retries it.
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

    /** Longest {@code key=value} label that gets counts of its own; summaries of longer ones sum host counts. */
    static final int MAX_COUNTED_LABEL = 256;

    /**
     * The common part of both recount statements, as {@code WITH} queries over the hosts that parameter 0 names (placeholder 3 is the comparison). It counts
     * the hosts' current findings once ({@code new_counts}), adds the difference to the stored counts
     * ({@code old_counts}) to the fleet counts and to the counts of each label (the stored counts leave the labels
     * they were added under, {@code counted_labels}, the new ones join the hosts' current labels), and replaces the
     * hosts' stored counts. Every part reads the database as it was before the statement, so the final statement
     * computes scores from {@code new_counts}, not from {@code host_check_counts}.
     */
    private static final String RECOUNT = """
            WITH counted_hosts AS (
                SELECT host_id, labels, counted_labels
                FROM hosts
                WHERE host_id %3$s
            ), new_counts AS (
                SELECT host_id, benchmark_version, check_id, status,
                       waiver_id IS NOT NULL AND status = 'WARN' AS waived,
                       max(title) AS title, max(section) AS section, bool_or(scored) AS scored,
                       count(*) AS finding_count
                FROM current_findings
                WHERE host_id %3$s
                GROUP BY 1, 2, 3, 4, 5
            ), changes AS (
                SELECT n.host_id, n.benchmark_version, n.check_id, n.status, n.waived, n.title, n.section, n.scored,
                       n.finding_count AS delta, h.labels AS labels
                FROM new_counts n
                JOIN counted_hosts h ON h.host_id = n.host_id
                UNION ALL
                SELECT o.host_id, o.benchmark_version, o.check_id, o.status, o.waived, o.title, o.section, o.scored,
                       -o.finding_count, h.counted_labels
                FROM host_check_counts o
                JOIN counted_hosts h ON h.host_id = o.host_id
                WHERE o.host_id %3$s
            ), fleet AS (
                INSERT INTO fleet_check_counts AS f (shard, benchmark_version, check_id, status, waived, title,
                        section, scored, finding_count)
                SELECT %1$s, benchmark_version, check_id, status, waived, max(title), max(section), bool_or(scored),
                       sum(delta)
                FROM changes
                GROUP BY 1, 2, 3, 4, 5
                HAVING sum(delta) <> 0
                ORDER BY 1, 2, 3, 4, 5
                ON CONFLICT (shard, benchmark_version, check_id, status, waived) DO UPDATE
                SET finding_count = f.finding_count + excluded.finding_count,
                    title = excluded.title, section = excluded.section, scored = excluded.scored
            ), labelled AS (
                INSERT INTO label_check_counts AS l (label, shard, benchmark_version, check_id, status, waived,
                        title, section, scored, finding_count)
                SELECT label.key || '=' || label.value, %1$s, c.benchmark_version, c.check_id, c.status, c.waived,
                       max(c.title), max(c.section), bool_or(c.scored), sum(c.delta)
                FROM changes c
                CROSS JOIN LATERAL jsonb_each_text(c.labels) AS label
                WHERE length(label.key) + length(label.value) < %2$d
                GROUP BY 1, 2, 3, 4, 5, 6
                HAVING sum(c.delta) <> 0
                ORDER BY 1, 2, 3, 4, 5, 6
                ON CONFLICT (label, shard, benchmark_version, check_id, status, waived) DO UPDATE
                SET finding_count = l.finding_count + excluded.finding_count,
                    title = excluded.title, section = excluded.section, scored = excluded.scored
            ), emptied AS (
                DELETE FROM host_check_counts o
                WHERE o.host_id %3$s
                  AND NOT EXISTS (SELECT 1 FROM new_counts n
                                  WHERE n.host_id = o.host_id AND n.benchmark_version = o.benchmark_version
                                    AND n.check_id = o.check_id AND n.status = o.status AND n.waived = o.waived)
            ), replaced AS (
                INSERT INTO host_check_counts AS o (host_id, benchmark_version, check_id, status, waived, title,
                        section, scored, finding_count)
                SELECT host_id, benchmark_version, check_id, status, waived, title, section, scored, finding_count
                FROM new_counts
                ON CONFLICT (host_id, benchmark_version, check_id, status, waived) DO UPDATE
                SET title = excluded.title, section = excluded.section, scored = excluded.scored,
                    finding_count = excluded.finding_count
                WHERE (o.title, o.section, o.scored, o.finding_count)
                      IS DISTINCT FROM (excluded.title, excluded.section, excluded.scored, excluded.finding_count)
            ), relabelled AS (
                UPDATE hosts SET counted_labels = labels
                WHERE host_id %3$s AND counted_labels IS DISTINCT FROM labels
            )
            """;

    /** Columns of a score row from rows of counts, which the two statements below share. */
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

    /**
     * Recounts the report's host, parameter 0, and appends the report's score. The host is compared with {@code =},
     * not {@code = ANY}, so that the plan that PostgreSQL keeps for the prepared statement reads each table through
     * its host index: for an array parameter it may choose to scan whole tables.
     */
    private static final String RECOUNT_AND_INSERT_SCORE = recount("= {0}") + """
            INSERT INTO host_scores (host_id, snapshot_sequence, collected_at, score, pass_count, warn_count,
                    info_count, note_count, waived_count)
            SELECT {0}, {1}, {2}, s.score, s.pass_count, s.warn_count, s.info_count, s.note_count, s.waived_count
            FROM (SELECT %s FROM new_counts) s
            ON CONFLICT DO NOTHING
            """.formatted(SCORE_COLUMNS);

    /** Recounts the hosts and rewrites the score of each host's last applied report. */
    private static final String RECOUNT_AND_UPDATE_SCORES = recount("= ANY({0})") + """
            UPDATE host_scores AS t
            SET score = s.score, pass_count = s.pass_count, warn_count = s.warn_count, info_count = s.info_count,
                note_count = s.note_count, waived_count = s.waived_count
            FROM (SELECT host_id, %s FROM new_counts GROUP BY host_id) s
            JOIN hosts h ON h.host_id = s.host_id
            WHERE t.host_id = s.host_id AND t.snapshot_sequence = h.last_snapshot_sequence
            """.formatted(SCORE_COLUMNS);

    /** Rewrites the host's counts and appends the report's score, in the report's transaction. */
    @Override
    public Mono<Void> afterWrite(DSLContext tx, HostFindingsEvaluated report,
            List<FindingTransitionsRecord> transitions) {
        return Mono.from(tx.query(RECOUNT_AND_INSERT_SCORE, DSL.val(report.hostId()),
                        DSL.val(report.snapshotSequence()),
                        DSL.val(report.snapshotCollectedAt().atOffset(ZoneOffset.UTC))))
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
        return Mono.from(tx.query(RECOUNT_AND_UPDATE_SCORES, hostArray(sorted))).then();
    }

    /** Returns {@link #RECOUNT} with {@code hostCondition} completing each {@code host_id} comparison. */
    private static String recount(String hostCondition) {
        return RECOUNT.formatted(SHARD.formatted("host_id"), MAX_COUNTED_LABEL, hostCondition);
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
