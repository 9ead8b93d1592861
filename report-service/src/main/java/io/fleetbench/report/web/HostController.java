package io.fleetbench.report.web;

import io.fleetbench.report.query.HostReport;
import io.fleetbench.report.query.HostView;
import io.fleetbench.report.query.Slice;
import io.fleetbench.report.query.TransitionView;
import io.fleetbench.report.store.ReportQueries;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Lists hosts and serves one host's current report and its history of transitions. */
@RestController
@RequestMapping("/api/v1/hosts")
class HostController {

    private final ReportQueries queries;
    private final RequestParameters parameters;

    HostController(ReportQueries queries, RequestParameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    /** Lists hosts ordered by host id. */
    @GetMapping
    Mono<ItemPage<HostView>> hosts(
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor) {
        int pageSize = parameters.limit(limit);
        String afterHostId = parameters.hostCursor(cursor);
        return queries.hosts(afterHostId, pageSize)
                .map(slice -> page(slice, host -> RequestParameters.encodeHostCursor(host.hostId())));
    }

    /** Returns a host's current findings, optionally only those with the given statuses. */
    @GetMapping("/{hostId}/report")
    Mono<HostReport> report(
            @PathVariable String hostId,
            @RequestParam(name = "status", required = false) @Nullable List<String> statuses) {
        String validHostId = parameters.hostId(hostId);
        var statusFilter = parameters.statuses(statuses);
        return queries.hostReport(validHostId, statusFilter)
                .switchIfEmpty(Mono.error(() -> new HostNotFoundException(validHostId)));
    }

    /** Lists a host's transitions, newest first. */
    @GetMapping("/{hostId}/history")
    Mono<ItemPage<TransitionView>> history(
            @PathVariable String hostId,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor) {
        String validHostId = parameters.hostId(hostId);
        int pageSize = parameters.limit(limit);
        Long beforeTransitionId = parameters.transitionCursor(cursor);
        return queries.history(validHostId, beforeTransitionId, pageSize)
                .map(slice -> page(slice,
                        transition -> RequestParameters.encodeTransitionCursor(transition.transitionId())))
                .switchIfEmpty(Mono.error(() -> new HostNotFoundException(validHostId)));
    }

    private static <T> ItemPage<T> page(Slice<T> slice, Function<T, String> cursorOf) {
        List<T> items = slice.items();
        String nextCursor = slice.hasMore() ? cursorOf.apply(items.get(items.size() - 1)) : null;
        return new ItemPage<>(items, nextCursor);
    }
}
