package io.fleetbench.gateway.ratelimit;

import io.fleetbench.gateway.problem.ProblemResponseWriter;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Responds with 429 Too Many Requests with a {@code Retry-After} header and a problem detail when the authenticated user
 * has no token left. Requests without an authenticated user, and requests that {@code unlimited} matches, pass
 * through unchanged without taking a token, and authorization decides about them. This filter belongs inside the security filter chain, after authentication: it is deliberately not a bean,
 * because WebFlux would also run every {@link WebFilter} bean outside that chain.
 */
public final class RateLimitWebFilter implements WebFilter {

    private final UserRateLimiter limiter;
    private final ProblemResponseWriter problems;
    private final Predicate<ServerHttpRequest> unlimited;

    public RateLimitWebFilter(UserRateLimiter limiter, ProblemResponseWriter problems,
            Predicate<ServerHttpRequest> unlimited) {
        this.limiter = limiter;
        this.problems = problems;
        this.unlimited = unlimited;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (unlimited.test(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(context -> Mono.justOrEmpty(context.getAuthentication()))
                .filter(Authentication::isAuthenticated)
                .map(authentication -> Optional.of(authentication.getName()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(userName -> userName.isPresent()
                        ? limit(exchange, chain, userName.get())
                        : chain.filter(exchange));
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, String userName) {
        TokenBucket.Take take = limiter.tryAcquire(userName);
        if (take.allowed()) {
            return chain.filter(exchange);
        }
        long retryAfterSeconds = RetryAfter.seconds(take.retryAfter());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));

        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "User " + userName + " exceeded the rate limit of " + limiter.requestsPerSecondText()
                        + " requests per second (burst " + limiter.burst() + "). Retry after " + retryAfterSeconds
                        + " s.");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return problems.write(exchange, problem);
    }
}
