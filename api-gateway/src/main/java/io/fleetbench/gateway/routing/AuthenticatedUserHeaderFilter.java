package io.fleetbench.gateway.routing;

import java.security.Principal;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Replaces the caller's credentials with the authenticated user name before a request leaves the gateway, on every
 * route. The upstream service never receives the password. It can trust {@value #USER_HEADER} while the gateway is its
 * only client, because any value the client sent under that name is removed first.
 */
@Component
class AuthenticatedUserHeaderFilter implements GlobalFilter, Ordered {

    /** The request header that carries the authenticated user name to upstream services. */
    static final String USER_HEADER = "X-Fleetbench-User";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("")
                .flatMap(userName -> chain.filter(exchange.mutate()
                        .request(request -> request.headers(headers -> {
                            headers.remove(HttpHeaders.AUTHORIZATION);
                            headers.remove(USER_HEADER);
                            if (!userName.isEmpty()) {
                                headers.set(USER_HEADER, userName);
                            }
                        }))
                        .build()));
    }

    /** Runs first, so that later gateway filters already receive the request without the client's credentials. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
