package io.fleetbench.report.web;

import io.fleetbench.report.query.FleetSummary;
import io.fleetbench.report.store.FleetQueries;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Serves the counts and scores of current findings over the fleet or the hosts with given labels. */
@RestController
class FleetController {

    private final FleetQueries queries;
    private final RequestParameters parameters;

    FleetController(FleetQueries queries, RequestParameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    /**
     * Returns the summary of the hosts that carry every {@code label=key=value} given, or of every host, with one
     * page of hosts: {@code hostLimit} of them (the list endpoints' default and maximum apply) after
     * {@code hostCursor}.
     */
    @GetMapping("/api/v1/fleet/summary")
    Mono<FleetSummary> summary(
            @RequestParam(name = "label", required = false) @Nullable List<String> labels,
            @RequestParam(required = false) @Nullable String hostLimit,
            @RequestParam(required = false) @Nullable String hostCursor) {
        int pageSize = parameters.limit("hostLimit", hostLimit);
        String afterHostId = parameters.hostCursor("hostCursor", hostCursor);
        return queries.fleetSummary(SearchParameters.labels(labels), afterHostId, pageSize).map(page -> {
            List<FleetSummary.HostCounts> hosts = page.summary().hosts();
            return page.moreHosts() && !hosts.isEmpty()
                    ? page.summary().withNextHostCursor(
                            RequestParameters.encodeHostCursor(hosts.get(hosts.size() - 1).hostId()))
                    : page.summary();
        });
    }
}
