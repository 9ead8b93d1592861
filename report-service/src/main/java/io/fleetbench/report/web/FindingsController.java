package io.fleetbench.report.web;

import io.fleetbench.report.query.FindingSearch;
import io.fleetbench.report.query.FindingSearch.Position;
import io.fleetbench.report.query.FleetFinding;
import io.fleetbench.report.query.Slice;
import io.fleetbench.report.store.FleetQueries;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Serves current findings across hosts: those of one check, and a search with filters and sorting. */
@RestController
class FindingsController {

    /** Recommendation ids such as {@code 5.10} or {@code FB.1}, within the 32 characters the store accepts. */
    private static final Pattern CHECK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    private final FleetQueries queries;
    private final RequestParameters parameters;

    FindingsController(FleetQueries queries, RequestParameters parameters) {
        this.queries = queries;
        this.parameters = parameters;
    }

    /**
     * Lists every host and target with a current finding of {@code checkId}, by default those that fail it (WARN),
     * ordered by host id.
     */
    @GetMapping("/api/v1/checks/{checkId}/findings")
    Mono<ItemPage<FleetFinding>> checkFindings(
            @PathVariable String checkId,
            @RequestParam(name = "status", required = false) @Nullable List<String> statuses,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor) {
        String validCheckId = checkId(checkId);
        var statusFilter = parameters.statuses(statuses == null ? List.of("WARN") : statuses);
        int pageSize = parameters.limit(limit);
        Position after = SearchParameters.position(cursor);
        return queries.checkFindings(validCheckId, statusFilter, after, pageSize).map(FindingsController::page);
    }

    /** Searches current findings over the fleet. Every given filter must match. */
    @GetMapping("/api/v1/findings")
    Mono<ItemPage<FleetFinding>> search(
            @RequestParam(name = "status", required = false) @Nullable List<String> statuses,
            @RequestParam(name = "check", required = false) @Nullable List<String> checks,
            @RequestParam(name = "section", required = false) @Nullable List<String> sections,
            @RequestParam(name = "host", required = false) @Nullable List<String> hosts,
            @RequestParam(name = "label", required = false) @Nullable List<String> labels,
            @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String image,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String cursor) {
        List<String> checkIds = SearchParameters.split(checks);
        checkIds.forEach(FindingsController::checkId);
        Instant changedFrom = SearchParameters.instant("from", from);
        Instant changedBefore = SearchParameters.instant("to", to);
        if (changedFrom != null && changedBefore != null && !changedFrom.isBefore(changedBefore)) {
            throw new InvalidParameterException("to", to == null ? "" : to,
                    "Use a time after from (" + changedFrom + ")");
        }
        Set<io.fleetbench.model.finding.Status> statusFilter = parameters.statuses(statuses);
        FindingSearch search = new FindingSearch(
                statusFilter,
                checkIds,
                SearchParameters.split(sections),
                SearchParameters.hostIds("host", hosts),
                SearchParameters.labels(labels),
                SearchParameters.text(target),
                SearchParameters.text(image),
                changedFrom,
                changedBefore,
                SearchParameters.sort(sort));
        int pageSize = parameters.limit(limit);
        Position after = SearchParameters.position(cursor);
        return queries.searchFindings(search, after, pageSize).map(FindingsController::page);
    }

    private static String checkId(String checkId) {
        if (!CHECK_ID.matcher(checkId).matches()) {
            throw new InvalidParameterException("checkId", checkId,
                    "Use a recommendation id of up to 32 letters, digits, '.', '_' or '-', such as 5.10 or FB.1");
        }
        return checkId;
    }

    private static ItemPage<FleetFinding> page(Slice<FleetFinding> slice) {
        List<FleetFinding> items = slice.items();
        String nextCursor = slice.hasMore()
                ? SearchParameters.encodePosition(Position.of(items.get(items.size() - 1)))
                : null;
        return new ItemPage<>(items, nextCursor);
    }
}
