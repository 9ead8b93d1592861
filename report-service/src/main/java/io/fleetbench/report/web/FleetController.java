package io.fleetbench.report.web;

import io.fleetbench.report.query.FleetSummary;
import io.fleetbench.report.store.ReportQueries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Serves the counts of current findings over the whole fleet. */
@RestController
class FleetController {

    private final ReportQueries queries;

    FleetController(ReportQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/fleet/summary")
    Mono<FleetSummary> summary() {
        return queries.fleetSummary();
    }
}
