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

    FleetController(FleetQueries queries) {
        this.queries = queries;
    }

    /** Returns the summary of the hosts that carry every {@code label=key=value} given, or of every host. */
    @GetMapping("/api/v1/fleet/summary")
    Mono<FleetSummary> summary(@RequestParam(name = "label", required = false) @Nullable List<String> labels) {
        return queries.fleetSummary(SearchParameters.labels(labels));
    }
}
