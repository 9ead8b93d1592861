package io.fleetbench.gateway.security;

import io.fleetbench.gateway.problem.ProblemResponseWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Responds with 401 Unauthorized with a Basic challenge and a problem detail, both when credentials are missing and when
 * the sent ones are invalid.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    static final String CHALLENGE = "Basic realm=\"Fleetbench\", charset=\"UTF-8\"";

    private final ProblemResponseWriter problems;
    private final RejectedCredentialsLog rejectedCredentials;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter problems, RejectedCredentialsLog rejectedCredentials) {
        this.problems = problems;
        this.rejectedCredentials = rejectedCredentials;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);

        boolean credentialsSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        if (credentialsSent) {
            rejectedCredentials.record(exchange.getRequest());
            return problems.write(exchange, HttpStatus.UNAUTHORIZED,
                    "The user name or password is invalid. Send HTTP Basic credentials of a configured user.");
        }
        return problems.write(exchange, HttpStatus.UNAUTHORIZED,
                "Authentication is required. Send HTTP Basic credentials of a configured user.");
    }
}
