package io.fleetbench.report.query;

import java.util.List;

/**
 * The current findings of one host, sorted by check id (numeric-aware) and then target key.
 *
 * @param host the host, with counts over all its findings even when {@code findings} is filtered
 * @param benchmarkVersion catalogue version of the findings
 * @param snapshotSequence sequence of the snapshot whose report was applied last
 * @param findings the findings that match the request's status filter
 */
public record HostReport(HostView host, String benchmarkVersion, long snapshotSequence, List<FindingView> findings) {
}
