package io.fleetbench.report.query;

import io.fleetbench.model.finding.Status;
import java.time.Instant;
import java.util.Map;

/**
 * One host as the last applied report described it, with the counts of its current findings.
 *
 * @param hostId stable host id
 * @param name operator-given display name
 * @param labels operator labels
 * @param agentVersion version of the collector agent
 * @param engineVersion the Docker engine's server version
 * @param benchmarkVersion catalogue version of the current findings
 * @param lastSeen when the snapshot behind the last applied report was collected
 * @param lastReportAt when the rule engine evaluated the last applied report
 * @param lastSnapshotSequence sequence of the last applied snapshot
 * @param stale whether {@code lastSeen} is older than {@code fleetbench.report.stale-after}. A stale host is still
 *     listed and counted
 * @param counts current findings per status. WARN leaves out the findings that a waiver covers
 * @param waived current WARN findings that a waiver covers
 */
public record HostView(
        String hostId,
        String name,
        Map<String, String> labels,
        String agentVersion,
        String engineVersion,
        String benchmarkVersion,
        Instant lastSeen,
        Instant lastReportAt,
        long lastSnapshotSequence,
        boolean stale,
        Map<Status, Long> counts,
        long waived) {
}
