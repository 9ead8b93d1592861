package io.fleetbench.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server on a random loopback port that replaces the report service in gateway tests. It returns a
 * canned host list, accepts waivers, responds on one path only after {@link #SLOW_DELAY}, and records every request.
 */
final class RecordingBackendServer implements AutoCloseable {

    static final String HOSTS_BODY = "{\"items\":[{\"hostId\":\"host-a\",\"warnings\":3}],\"nextCursor\":null}";
    static final String WAIVER_CREATED_BODY = "{\"waiverId\":\"w-1\"}";
    static final Duration SLOW_DELAY = Duration.ofSeconds(3);

    private final BlockingQueue<ReceivedRequest> received = new LinkedBlockingQueue<>();
    private final DisposableServer server;

    RecordingBackendServer() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::respond)
                .bindNow();
    }

    int port() {
        return server.port();
    }

    /** Returns the requests received so far and removes them from the record. */
    List<ReceivedRequest> drain() {
        List<ReceivedRequest> requests = new ArrayList<>();
        received.drainTo(requests);
        return requests;
    }

    private Mono<Void> respond(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            HttpHeaders headers = new HttpHeaders();
            request.requestHeaders().forEach(entry -> headers.add(entry.getKey(), entry.getValue()));
            received.add(new ReceivedRequest(request.method().name(), request.uri(), headers, body));

            String path = request.fullPath();
            if (path.equals("/api/v1/hosts")) {
                return response.header(HttpHeaders.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(HOSTS_BODY)).then();
            }
            if (path.equals("/api/v1/waivers") && request.method().name().equals("POST")) {
                return response.status(201).header(HttpHeaders.CONTENT_TYPE, "application/json")
                        .sendString(Mono.just(WAIVER_CREATED_BODY)).then();
            }
            if (path.equals("/api/v1/slow")) {
                return response.sendString(Mono.delay(SLOW_DELAY).thenReturn("{}")).then();
            }
            return response.status(404).send();
        });
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    /**
     * One request as the backend received it.
     *
     * @param method the HTTP method
     * @param uri the request target: path and query as sent on the wire
     * @param headers the request headers
     * @param body the request body as UTF-8 text, empty when there was none
     */
    record ReceivedRequest(String method, String uri, HttpHeaders headers, String body) {
    }
}
