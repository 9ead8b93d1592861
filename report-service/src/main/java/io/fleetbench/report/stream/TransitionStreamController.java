package io.fleetbench.report.stream;

import static io.fleetbench.report.store.jooq.Tables.FINDING_TRANSITIONS;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.report.ReportProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Streams finding transitions as server-sent events, from the moment the client connects or, with a
 * {@code Last-Event-ID} header, from after that transition id. Each event has the transition id as its id, the
 * name {@code transition} and a {@link StreamedTransition} as JSON data. An idle stream sends an SSE comment every
 * heartbeat interval.
 *
 * <p>Each open stream reads new rows of {@code finding_transitions} once per poll interval, so every report-service
 * instance streams every change, whichever instance applied it. NOTE: that is one indexed query per stream and
 * interval; many hundreds of open streams would call for PostgreSQL LISTEN/NOTIFY instead.
 */
@RestController
class TransitionStreamController {

    static final String EVENT_NAME = "transition";
    private static final int MAX_ROWS_PER_POLL = 500;

    private final DSLContext dsl;
    private final Duration pollInterval;
    private final Duration heartbeatInterval;

    TransitionStreamController(DSLContext dsl, ReportProperties properties) {
        this.dsl = dsl;
        this.pollInterval = properties.stream().pollInterval();
        this.heartbeatInterval = properties.stream().heartbeatInterval();
    }

    @GetMapping(path = "/api/v1/stream/transitions", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<StreamedTransition>> transitions(@RequestParam(required = false) @Nullable String host,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
        if (host != null && !HostDescriptor.ID_PATTERN.matcher(host).matches()) {
            throw badRequest("host", host, "Use a host id: 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
        Condition hostFilter = host == null ? DSL.noCondition() : FINDING_TRANSITIONS.HOST_ID.eq(host);
        Mono<Long> start = lastEventId == null || lastEventId.isBlank()
                ? Mono.from(dsl.select(DSL.max(FINDING_TRANSITIONS.TRANSITION_ID)).from(FINDING_TRANSITIONS))
                        .map(row -> row.value1() == null ? 0L : row.value1())
                        .defaultIfEmpty(0L)
                : Mono.just(parseLastEventId(lastEventId));

        Flux<ServerSentEvent<StreamedTransition>> changes = start.flatMapMany(first -> {
            AtomicLong cursor = new AtomicLong(first);
            return Flux.interval(Duration.ZERO, pollInterval)
                    .onBackpressureDrop()
                    .concatMap(tick -> read(hostFilter, cursor.get()), 1)
                    .concatMap(rows -> {
                        if (!rows.isEmpty()) {
                            cursor.set(rows.get(rows.size() - 1).transitionId());
                        }
                        return Flux.fromIterable(rows);
                    })
                    .map(transition -> ServerSentEvent.builder(transition)
                            .id(Long.toString(transition.transitionId()))
                            .event(EVENT_NAME)
                            .build());
        });
        Flux<ServerSentEvent<StreamedTransition>> heartbeats = Flux.interval(heartbeatInterval, heartbeatInterval)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<StreamedTransition>builder().comment("heartbeat").build());
        // The first comment commits the response headers at once, so clients see the stream open before any change.
        ServerSentEvent<StreamedTransition> opened = ServerSentEvent.<StreamedTransition>builder()
                .comment("stream opened")
                .build();
        return Flux.concat(Mono.just(opened), Flux.merge(changes, heartbeats));
    }

    private Mono<List<StreamedTransition>> read(Condition hostFilter, long after) {
        return Flux.from(dsl.selectFrom(FINDING_TRANSITIONS)
                        .where(FINDING_TRANSITIONS.TRANSITION_ID.gt(after))
                        .and(hostFilter)
                        .orderBy(FINDING_TRANSITIONS.TRANSITION_ID)
                        .limit(MAX_ROWS_PER_POLL))
                .map(row -> new StreamedTransition(row.getTransitionId(), row.getHostId(), row.getBenchmarkVersion(),
                        row.getCheckId(), row.getTargetKey(), row.getTitle(), row.getKind(), row.getFromStatus(),
                        row.getToStatus(), row.getReason(), row.getOccurredAt().toInstant(),
                        row.getSnapshotSequence()))
                .collectList();
    }

    private static long parseLastEventId(String lastEventId) {
        long id;
        try {
            id = Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            throw badRequest("Last-Event-ID", lastEventId,
                    "Send the id of the last event received, a transition id, or omit the header");
        }
        // Transition ids start at 1, so a negative id can only be a client's mistake, not a position to resume at.
        if (id < 0) {
            throw badRequest("Last-Event-ID", lastEventId,
                    "Send the id of the last event received, which is never negative, or omit the header");
        }
        return id;
    }

    private static ErrorResponseException badRequest(String parameter, String value, String expected) {
        String abbreviatedValue = value.length() <= 64 ? value : value.substring(0, 64) + "…";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + parameter + "' has the invalid value '" + abbreviatedValue + "'. " + expected);
        problem.setTitle("Invalid request parameter");
        problem.setType(URI.create("urn:fleetbench:problem:invalid-parameter"));
        problem.setProperty("parameter", parameter);
        problem.setProperty("value", abbreviatedValue);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
