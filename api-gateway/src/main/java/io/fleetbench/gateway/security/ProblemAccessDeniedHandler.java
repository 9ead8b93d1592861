package io.fleetbench.gateway.security;

import io.fleetbench.gateway.problem.ProblemResponseWriter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Responds with 403 Forbidden with a problem detail that names the user's roles and the role the request needs. Each
 * denial is logged; the per-user rate limit, which runs before authorization, bounds how many lines one user adds.
 */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAccessDeniedHandler.class);

    private final ProblemResponseWriter problems;

    ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return ReactiveSecurityContextHolder.getContext()
                .flatMap(context -> Mono.justOrEmpty(context.getAuthentication()))
                .map(authentication -> describe(exchange, authentication))
                .defaultIfEmpty("The request is not allowed.")
                .flatMap(detail -> problems.write(exchange, HttpStatus.FORBIDDEN, detail));
    }

    private static String describe(ServerWebExchange exchange, Authentication authentication) {
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getRequest().getPath().value();
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(authority -> authority.startsWith("ROLE_") ? authority.substring("ROLE_".length()) : authority)
                .sorted()
                .toList();
        log.info("Denied {} {} to user {} with roles {}", method, path, authentication.getName(), roles);

        if (ApiAccessRules.isApiPath(exchange)) {
            return "User " + authentication.getName() + " with roles " + roles + " may not send " + method + " to "
                    + path + ". GET and HEAD need role VIEWER or ADMIN; every other method needs role ADMIN.";
        }
        return "The gateway serves only the API under /api/, the dashboard at / and the health endpoint, not "
                + method + " " + path + ".";
    }
}
