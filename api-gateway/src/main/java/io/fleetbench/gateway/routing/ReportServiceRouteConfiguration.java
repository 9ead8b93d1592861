package io.fleetbench.gateway.routing;

import io.fleetbench.gateway.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forwards every request under {@code /api/} to {@code fleetbench.gateway.report-service-uri} with its path and
 * query unchanged. The route is built here, not in YAML, so that the URI has one validated source; routes under
 * {@code spring.cloud.gateway.server.webflux.routes} are added beside it.
 */
@Configuration(proxyBeanMethods = false)
class ReportServiceRouteConfiguration {

    /** The route id, which appears in the gateway's log lines about upstream errors. */
    static final String ROUTE_ID = "report-service";

    @Bean
    RouteLocator reportServiceRoute(RouteLocatorBuilder routes, GatewayProperties properties) {
        return routes.routes()
                .route(ROUTE_ID, route -> route.path("/api/**").uri(properties.reportServiceUri()))
                .build();
    }
}
