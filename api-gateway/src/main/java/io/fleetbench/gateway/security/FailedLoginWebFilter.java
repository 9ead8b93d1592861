package io.fleetbench.gateway.security;

import io.fleetbench.gateway.problem.ProblemResponseWriter;
import io.fleetbench.gateway.ratelimit.FailedLoginLimiter;
import io.fleetbench.gateway.ratelimit.RetryAfter;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Responds with 429 Too Many Requests, a {@code Retry-After} header and a problem detail to a request with HTTP
 * Basic credentials whose client address or user name has too many failed logins, before the password's bcrypt
 * check runs. {@link ProblemAuthenticationEntryPoint} counts the failures. Like the per-user rate limit, this filter
 * belongs inside the security filter chain and is deliberately not a bean.
 */
final class FailedLoginWebFilter implements WebFilter {

    private final FailedLoginLimiter limiter;
    private final ProblemResponseWriter problems;

    FailedLoginWebFilter(FailedLoginLimiter limiter, ProblemResponseWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!BasicCredentials.sent(request)) {
            return chain.filter(exchange);
        }
        Optional<FailedLoginLimiter.Block> block =
                limiter.check(ClientAddress.of(request), BasicCredentials.userNameOrNull(request));
        if (block.isEmpty()) {
            return chain.filter(exchange);
        }

        long retryAfterSeconds = RetryAfter.seconds(block.get().retryAfter());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed logins for this " + block.get().scope().description() + ", so the gateway does not "
                        + "check these credentials. Retry after " + retryAfterSeconds + " s with valid credentials.");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return problems.write(exchange, problem);
    }
}
