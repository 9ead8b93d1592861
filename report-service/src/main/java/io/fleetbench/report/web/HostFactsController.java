package io.fleetbench.report.web;

import io.fleetbench.report.query.HostDiff;
import io.fleetbench.report.query.HostDiffs;
import io.fleetbench.report.query.HostIdentity;
import io.fleetbench.report.query.HostSnapshotView;
import io.fleetbench.report.query.ScorePoint;
import io.fleetbench.report.store.FactsQueries;
import io.fleetbench.report.store.FleetQueries;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Serves one host's identity facts, score trend, snapshot facts at a past time, and the diff between two times.
 */
@RestController
@RequestMapping("/api/v1/hosts/{hostId}")
class HostFactsController {

    private final FleetQueries fleetQueries;
    private final FactsQueries factsQueries;
    private final RequestParameters parameters;

    HostFactsController(FleetQueries fleetQueries, FactsQueries factsQueries, RequestParameters parameters) {
        this.fleetQueries = fleetQueries;
        this.factsQueries = factsQueries;
        this.parameters = parameters;
    }

    /** Returns the host's identity facts from its newest snapshot, with an identity conflict if one was seen. */
    @GetMapping("/identity")
    Mono<HostIdentity> identity(@PathVariable String hostId) {
        String validHostId = parameters.hostId(hostId);
        return factsQueries.identity(validHostId)
                .switchIfEmpty(Mono.error(() -> new SnapshotNotFoundException(validHostId, "hostId", null, null)));
    }

    /** Lists the host's score after each applied report, oldest first, optionally within {@code [from, to)}. */
    @GetMapping("/trend")
    Mono<ItemPage<ScorePoint>> trend(
            @PathVariable String hostId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor) {
        String validHostId = parameters.hostId(hostId);
        Instant fromTime = SearchParameters.instant("from", from);
        Instant toTime = SearchParameters.instant("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new InvalidParameterException("to", to == null ? "" : to,
                    "Use a time after from (" + fromTime + ")");
        }
        int pageSize = parameters.limit(limit);
        Long afterSequence = SearchParameters.sequencePosition(cursor);
        return fleetQueries.scoreTrend(validHostId, fromTime, toTime, afterSequence, pageSize)
                .map(slice -> {
                    List<ScorePoint> items = slice.items();
                    String nextCursor = slice.hasMore()
                            ? SearchParameters.encodeSequencePosition(items.get(items.size() - 1).snapshotSequence())
                            : null;
                    return new ItemPage<>(items, nextCursor);
                })
                .switchIfEmpty(Mono.error(() -> new HostNotFoundException(validHostId)));
    }

    /** Returns the facts of the host's newest snapshot collected at or before {@code at} (default: now). */
    @GetMapping("/snapshot")
    Mono<HostSnapshotView> snapshot(
            @PathVariable String hostId,
            @RequestParam(required = false) @Nullable String at) {
        String validHostId = parameters.hostId(hostId);
        Instant atTime = SearchParameters.instant("at", at);
        return snapshotAt(validHostId, "at", atTime == null ? Instant.now() : atTime);
    }

    /**
     * Compares the snapshots in effect at {@code from} and at {@code to} (default: now): containers added, removed
     * and changed field by field, daemon and engine changes, and the findings opened, resolved and changed between.
     */
    @GetMapping("/diff")
    Mono<HostDiff> diff(
            @PathVariable String hostId,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        String validHostId = parameters.hostId(hostId);
        Instant fromTime = SearchParameters.requiredInstant("from", from);
        Instant toTime = SearchParameters.instant("to", to);
        Instant effectiveTo = toTime == null ? Instant.now() : toTime;
        if (!fromTime.isBefore(effectiveTo)) {
            throw new InvalidParameterException("from", from == null ? "" : from,
                    "Use a time before to (" + effectiveTo + ")");
        }
        return snapshotAt(validHostId, "from", fromTime)
                .zipWith(snapshotAt(validHostId, "to", effectiveTo))
                .flatMap(pair -> factsQueries.transitionsBetween(validHostId, pair.getT1().snapshotSequence(),
                                pair.getT2().snapshotSequence())
                        .collectList()
                        .map(transitions -> HostDiffs.between(pair.getT1(), pair.getT2(), transitions)));
    }

    private Mono<HostSnapshotView> snapshotAt(String hostId, String parameter, Instant at) {
        return factsQueries.snapshotAt(hostId, at)
                .switchIfEmpty(Mono.defer(() -> factsQueries.oldestSnapshotTime(hostId)
                        .map(oldest -> new SnapshotNotFoundException(hostId, parameter, at, oldest))
                        .defaultIfEmpty(new SnapshotNotFoundException(hostId, parameter, at, null))
                        .flatMap(Mono::error)));
    }
}
