package io.fleetbench.report.store;

import static io.fleetbench.report.store.jooq.Tables.HOST_CHECK_COUNTS;
import static io.fleetbench.report.store.jooq.Tables.HOST_SCORES;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.report.ReportProperties;
import io.fleetbench.report.store.jooq.tables.records.FindingTransitionsRecord;
import io.fleetbench.report.store.jooq.tables.records.HostCheckCountsRecord;
import io.fleetbench.report.store.jooq.tables.records.HostScoresRecord;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The counts that an applied report leaves behind: its findings per check and status, which replace the host's rows
 * in {@code host_check_counts}, and its score, which is appended to {@code host_scores}.
 *
 * <p>After a report is applied, the host's current findings are exactly the report's findings, so both are computed
 * from the report alone.
 */
@Component
@Order(0)
class FindingCounts implements ReportTransactionHook {

    private final int writeBatchSize;

    FindingCounts(ReportProperties properties) {
        this.writeBatchSize = properties.writeBatchSize();
    }

    /** Replaces the host's check counts and appends its score, in the report's transaction. */
    @Override
    public Mono<Void> afterWrite(DSLContext tx, HostFindingsEvaluated report,
            List<FindingTransitionsRecord> transitions) {
        List<HostCheckCountsRecord> counts = checkCounts(report);
        Mono<Integer> delete = Mono.from(tx.deleteFrom(HOST_CHECK_COUNTS)
                .where(HOST_CHECK_COUNTS.HOST_ID.eq(report.hostId())));
        List<List<HostCheckCountsRecord>> batches = new ArrayList<>();
        for (int start = 0; start < counts.size(); start += writeBatchSize) {
            batches.add(counts.subList(start, Math.min(counts.size(), start + writeBatchSize)));
        }
        Mono<Integer> insertCounts = Flux.fromIterable(batches)
                .concatMap(batch -> Mono.from(tx.insertInto(HOST_CHECK_COUNTS)
                        .columns(HOST_CHECK_COUNTS.fields())
                        .valuesOfRecords(batch)))
                .reduce(0, Integer::sum);
        Mono<Integer> insertScore = Mono.from(tx.insertInto(HOST_SCORES)
                .set(scoreRow(report))
                .onConflictDoNothing());
        return delete.then(insertCounts).then(insertScore).then();
    }

    /** Returns one row per (benchmark version, check id, status) of the report's findings. */
    static List<HostCheckCountsRecord> checkCounts(HostFindingsEvaluated report) {
        Map<String, HostCheckCountsRecord> rows = new LinkedHashMap<>();
        for (Finding finding : report.findings()) {
            String key = finding.checkId() + "\u0000" + finding.status();
            HostCheckCountsRecord row = rows.get(key);
            if (row == null) {
                row = new HostCheckCountsRecord();
                row.setHostId(report.hostId());
                row.setBenchmarkVersion(report.benchmarkVersion());
                row.setCheckId(finding.checkId());
                row.setStatus(finding.status());
                row.setTitle(finding.title());
                row.setSection(finding.section());
                row.setScored(finding.scored());
                row.setFindingCount(0);
                rows.put(key, row);
            }
            row.setFindingCount(row.getFindingCount() + 1);
        }
        return new ArrayList<>(rows.values());
    }

    /**
     * Returns the score of a set of counts: the percentage of scored findings that pass, among scored findings that
     * pass or warn. INFO and NOTE findings do not count, because they need a person to decide.
     *
     * @return the score from 0 to 100, or {@code null} when no scored finding passes or warns
     */
    static @Nullable Double score(long scoredPass, long scoredWarn) {
        long decided = scoredPass + scoredWarn;
        return decided == 0 ? null : 100.0 * scoredPass / decided;
    }

    private static HostScoresRecord scoreRow(HostFindingsEvaluated report) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        long scoredPass = 0;
        long scoredWarn = 0;
        for (Finding finding : report.findings()) {
            counts.merge(finding.status(), 1, Integer::sum);
            if (finding.scored() && finding.status() == Status.PASS) {
                scoredPass++;
            } else if (finding.scored() && finding.status() == Status.WARN) {
                scoredWarn++;
            }
        }
        HostScoresRecord row = new HostScoresRecord();
        row.setHostId(report.hostId());
        row.setSnapshotSequence(report.snapshotSequence());
        row.setCollectedAt(report.snapshotCollectedAt().atOffset(ZoneOffset.UTC));
        row.setScore(score(scoredPass, scoredWarn));
        row.setPassCount(counts.getOrDefault(Status.PASS, 0));
        row.setWarnCount(counts.getOrDefault(Status.WARN, 0));
        row.setInfoCount(counts.getOrDefault(Status.INFO, 0));
        row.setNoteCount(counts.getOrDefault(Status.NOTE, 0));
        return row;
    }
}
