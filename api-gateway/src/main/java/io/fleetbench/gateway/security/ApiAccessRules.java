package io.fleetbench.gateway.security;

import io.fleetbench.gateway.GatewayProperties.Role;
import io.fleetbench.gateway.dashboard.DashboardPaths;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The requests each role may send. The health endpoint and its groups stay open for container health checks.
 * Reading the API or the dashboard's paths needs VIEWER or ADMIN, any other method on the API needs ADMIN, and every
 * other request is denied.
 */
final class ApiAccessRules {

    /** The API paths, which the gateway forwards to the report service. */
    static final String API_PATHS = "/api/**";

    private static final PathPattern API_PATTERN = PathPatternParser.defaultInstance.parse(API_PATHS);

    private ApiAccessRules() {
    }

    static void apply(AuthorizeExchangeSpec exchanges) {
        String viewer = Role.VIEWER.name();
        String admin = Role.ADMIN.name();
        exchanges
                .matchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                .pathMatchers(HttpMethod.GET, DashboardPaths.ALL).hasAnyRole(viewer, admin)
                .pathMatchers(HttpMethod.HEAD, DashboardPaths.ALL).hasAnyRole(viewer, admin)
                .pathMatchers(HttpMethod.GET, API_PATHS).hasAnyRole(viewer, admin)
                .pathMatchers(HttpMethod.HEAD, API_PATHS).hasAnyRole(viewer, admin)
                .pathMatchers(API_PATHS).hasRole(admin)
                .anyExchange().denyAll();
    }

    static boolean isApiPath(ServerWebExchange exchange) {
        return API_PATTERN.matches(exchange.getRequest().getPath().pathWithinApplication());
    }
}
