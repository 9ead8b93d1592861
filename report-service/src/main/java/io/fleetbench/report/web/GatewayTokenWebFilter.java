package io.fleetbench.report.web;

import io.fleetbench.report.ReportProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rejects every request under {@code /api/} that lacks the gateway's shared token in {@value #TOKEN_HEADER}, so that
 * only the API gateway, which authenticates users and sets {@code X-Fleetbench-User}, can call the API. Without
 * {@code fleetbench.report.gateway-token} every request passes and the service logs a warning at start.
 */
@Component
class GatewayTokenWebFilter implements WebFilter, Ordered {

    /** The request header that carries the shared token from the gateway. */
    static final String TOKEN_HEADER = "X-Fleetbench-Gateway-Token";

    private static final Logger log = LoggerFactory.getLogger(GatewayTokenWebFilter.class);

    private static final String API_PATH_PREFIX = "/api/";

    private static final byte[] PROBLEM_BODY = ("{\"type\":\"urn:fleetbench:problem:gateway-token\","
            + "\"title\":\"Unauthorized\",\"status\":401,"
            + "\"detail\":\"The request has no valid " + TOKEN_HEADER + " header. Send API requests through the "
            + "API gateway\"}").getBytes(StandardCharsets.UTF_8);

    private final byte @Nullable [] expectedToken;

    GatewayTokenWebFilter(ReportProperties properties) {
        String token = properties.gatewayToken();
        if (token == null || token.isBlank()) {
            expectedToken = null;
            log.warn("fleetbench.report.gateway-token is not set, so the API under {} trusts every caller on this "
                    + "service's port, including the user name in X-Fleetbench-User. Make the port reachable only "
                    + "from the API gateway, or set the same token here and in "
                    + "fleetbench.gateway.report-service-token", API_PATH_PREFIX);
        } else {
            expectedToken = token.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (expectedToken == null || !exchange.getRequest().getPath().value().startsWith(API_PATH_PREFIX)) {
            return chain.filter(exchange);
        }
        String presented = exchange.getRequest().getHeaders().getFirst(TOKEN_HEADER);
        if (presented != null && MessageDigest.isEqual(expectedToken, presented.getBytes(StandardCharsets.UTF_8))) {
            return chain.filter(exchange);
        }
        // DEBUG, not WARN: any local process can send such requests, and each would add a line to the log.
        log.debug("Rejected {} {} from {}: {} header {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), exchange.getRequest().getRemoteAddress(), TOKEN_HEADER,
                presented == null ? "missing" : "invalid");
        return writeUnauthorized(exchange.getResponse());
    }

    /** Runs before every other filter, so that no handler of the API receives a request without the token. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static Mono<Void> writeUnauthorized(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(PROBLEM_BODY);
        return response.writeWith(Mono.just(body));
    }
}
