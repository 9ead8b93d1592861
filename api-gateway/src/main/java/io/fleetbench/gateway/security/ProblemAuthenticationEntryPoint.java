package io.fleetbench.gateway.security;

import io.fleetbench.gateway.problem.ProblemResponseWriter;
import io.fleetbench.gateway.ratelimit.FailedLoginLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Responds with 401 Unauthorized with a Basic challenge and a problem detail, both when credentials are missing and when
 * the sent ones are invalid. Invalid Basic credentials count as a failed login of the client address and user name.
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    static final String CHALLENGE = "Basic realm=\"Fleetbench\", charset=\"UTF-8\"";

    private final ProblemResponseWriter problems;
    private final RejectedCredentialsLog rejectedCredentials;
    private final FailedLoginLimiter failedLogins;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter problems, RejectedCredentialsLog rejectedCredentials,
            FailedLoginLimiter failedLogins) {
        this.problems = problems;
        this.rejectedCredentials = rejectedCredentials;
        this.failedLogins = failedLogins;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);

        boolean credentialsSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        if (credentialsSent) {
            rejectedCredentials.record(exchange.getRequest());
            if (BasicCredentials.sent(exchange.getRequest())) {
                failedLogins.recordFailure(ClientAddress.of(exchange.getRequest()),
                        BasicCredentials.userNameOrNull(exchange.getRequest()));
            }
            return problems.write(exchange, HttpStatus.UNAUTHORIZED,
                    "The user name or password is invalid. Send HTTP Basic credentials of a configured user.");
        }
        return problems.write(exchange, HttpStatus.UNAUTHORIZED,
                "Authentication is required. Send HTTP Basic credentials of a configured user.");
    }
}
