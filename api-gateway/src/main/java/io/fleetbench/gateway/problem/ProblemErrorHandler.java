package io.fleetbench.gateway.problem;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Responds to every error that reaches the top of the gateway, such as an unreachable or slow report service, with a
 * problem detail instead of Spring Boot's default error JSON. It replaces Boot's handler, which backs off when an
 * {@link ErrorWebExceptionHandler} bean exists, and runs at the same order, before WebFlux's own status handler.
 */
@Component
@Order(-1)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponseWriter writer;

    ProblemErrorHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            log.warn("Request {} {} (id {}) failed after the response was committed", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), exchange.getRequest().getId(), error);
            return Mono.error(error);
        }
        return writer.write(exchange, toProblem(exchange, error));
    }

    private ProblemDetail toProblem(ServerWebExchange exchange, Throwable error) {
        String requestId = exchange.getRequest().getId();
        if (error instanceof ResponseStatusException statusError) {
            return fromStatusException(exchange, statusError);
        }
        // An unresolvable host name fails the connection just as a refused port does, so both respond with 502.
        if (hasCause(error, ConnectException.class) || hasCause(error, UnknownHostException.class)) {
            log.warn("Route {} failed to connect to {} for request {}: {}", routeId(exchange), targetUrl(exchange),
                    requestId, error.toString());
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                    "The gateway failed to connect to the upstream service. Retry later. If this persists, check that "
                            + "the report service runs and that fleetbench.gateway.report-service-uri points to it.");
        }
        log.error("Request {} {} (id {}) failed in the gateway", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), requestId, error);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway failed to handle the request. Its log has the cause under request id " + requestId + ".");
    }

    private ProblemDetail fromStatusException(ServerWebExchange exchange, ResponseStatusException error) {
        HttpStatusCode status = error.getStatusCode();
        exchange.getResponse().getHeaders().putAll(error.getHeaders());

        if (status.value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
            log.warn("Route {} timed out waiting for {} on request {}: {}", routeId(exchange), targetUrl(exchange),
                    exchange.getRequest().getId(), error.getReason());
            return ProblemDetail.forStatusAndDetail(status,
                    "The upstream service did not respond within the gateway's response timeout. Retry later.");
        }
        if (status.is5xxServerError()) {
            log.warn("Request {} {} (id {}) failed with status {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), exchange.getRequest().getId(), status.value(), error);
        } else {
            log.debug("Request {} {} (id {}) rejected with status {}: {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), exchange.getRequest().getId(), status.value(), error.getReason());
        }
        String detail = error.getReason();
        if (detail == null) {
            HttpStatus known = HttpStatus.resolve(status.value());
            detail = known == null ? "HTTP " + status.value() : known.getReasonPhrase();
        }
        return ProblemDetail.forStatusAndDetail(status, detail);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
            if (current.getCause() == current) {
                return false;
            }
        }
        return false;
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "(none)" : route.getId();
    }

    private static @Nullable URI targetUrl(ServerWebExchange exchange) {
        return exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
    }
}
