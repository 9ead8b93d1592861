package io.fleetbench.report.query;

import io.fleetbench.model.finding.Status;
import java.util.List;
import java.util.Map;

/**
 * Counts of current findings over the whole fleet, per host and per check.
 *
 * @param hostCount number of hosts with an applied report
 * @param counts findings per status over all hosts
 * @param hosts every host, ordered by host id
 * @param checks every check that has a current finding, ordered by benchmark version and check id
 */
public record FleetSummary(long hostCount, Map<Status, Long> counts, List<HostCounts> hosts, List<CheckCounts> checks) {

    /**
     * Findings per status on one host.
     *
     * @param hostId stable host id
     * @param name display name
     * @param counts findings per status
     */
    public record HostCounts(String hostId, String name, Map<Status, Long> counts) {
    }

    /**
     * Findings per status of one check over all hosts.
     *
     * @param checkId recommendation id
     * @param title recommendation title
     * @param benchmarkVersion catalogue version, which is needed because one check id can name different
 *     recommendations in two versions
     * @param counts findings per status
     */
    public record CheckCounts(String checkId, String title, String benchmarkVersion, Map<Status, Long> counts) {
    }
}
