package io.fleetbench.report.query;

import io.fleetbench.model.finding.Status;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Counts of current findings over the fleet, or over the hosts that carry the requested labels, per host, section
 * and check.
 *
 * @param hostCount number of hosts with an applied report that match the label filter
 * @param staleHostCount how many of them sent no snapshot for longer than {@code fleetbench.report.stale-after}.
 *     They are still counted everywhere else
 * @param labels the label filter of the request, empty for the whole fleet
 * @param score percentage of scored PASS and unwaived WARN findings that pass, or {@code null} without any
 * @param counts findings per status over all matching hosts. WARN leaves out the findings that a waiver covers
 * @param waived WARN findings that a waiver covers, over all matching hosts
 * @param hosts one page of the matching hosts, ordered by host id
 * @param nextHostCursor the {@code hostCursor} that lists the hosts after this page, or {@code null} after the last
 * @param sections every benchmark section with a current finding, ordered by name
 * @param checks every check that has a current finding, ordered by benchmark version and check id
 */
public record FleetSummary(
        long hostCount,
        long staleHostCount,
        Map<String, String> labels,
        @Nullable Double score,
        Map<Status, Long> counts,
        long waived,
        List<HostCounts> hosts,
        @Nullable String nextHostCursor,
        List<SectionCounts> sections,
        List<CheckCounts> checks) {

    /** Returns this summary with {@code cursor} as its {@link #nextHostCursor()}. */
    public FleetSummary withNextHostCursor(@Nullable String cursor) {
        return new FleetSummary(hostCount, staleHostCount, labels, score, counts, waived, hosts, cursor, sections,
                checks);
    }

    /**
     * Findings per status on one host.
     *
     * @param hostId stable host id
     * @param name display name
     * @param score the host's score, or {@code null} without scored PASS or WARN findings
     * @param stale whether the host sent no snapshot for longer than the stale time
     * @param counts findings per status, WARN without the waived ones
     * @param waived WARN findings that a waiver covers
     */
    public record HostCounts(String hostId, String name, @Nullable Double score, boolean stale,
            Map<Status, Long> counts, long waived) {
    }

    /**
     * Findings per status of one benchmark section.
     *
     * @param section section title, such as {@code Container Runtime}
     * @param score percentage of the section's scored PASS and WARN findings that pass, or {@code null}
     * @param counts findings per status, WARN without the waived ones
     * @param waived WARN findings that a waiver covers
     */
    public record SectionCounts(String section, @Nullable Double score, Map<Status, Long> counts, long waived) {
    }

    /**
     * Findings per status of one check over all matching hosts.
     *
     * @param checkId recommendation id
     * @param title recommendation title
     * @param benchmarkVersion catalogue version, which is needed because one check id can name different
     *     recommendations in two versions
     * @param section benchmark section of the check
     * @param counts findings per status, WARN without the waived ones
     * @param waived WARN findings that a waiver covers
     */
    public record CheckCounts(String checkId, String title, String benchmarkVersion, String section,
            Map<Status, Long> counts, long waived) {
    }
}
