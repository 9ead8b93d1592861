package io.fleetbench.report.query;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A host's score after one applied report.
 *
 * @param snapshotSequence sequence of the snapshot the report evaluated
 * @param collectedAt collection time of that snapshot
 * @param score percentage of scored PASS and unwaived WARN findings that pass, or {@code null} without any
 * @param pass number of PASS findings
 * @param warn number of WARN findings that no waiver covers
 * @param info number of INFO findings
 * @param note number of NOTE findings
 * @param waived number of WARN findings that a waiver covers
 */
public record ScorePoint(long snapshotSequence, Instant collectedAt, @Nullable Double score, int pass, int warn,
        int info, int note, int waived) {
}
