package io.fleetbench.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.fleetbench.gateway.GatewayProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Proves to the report service that a request comes from this gateway: sets {@value #TOKEN_HEADER} to
 * {@code fleetbench.gateway.report-service-token} on every request routed to the report service. Any copy of the
 * header the client sent is removed on every route, so that neither a client nor another upstream learns or forges
 * it. As a global filter it runs only for routed requests, which have passed authentication and the role checks.
 */
@Component
class ReportServiceTokenFilter implements GlobalFilter, Ordered {

    /** The request header the report service checks against its {@code fleetbench.report.gateway-token}. */
    static final String TOKEN_HEADER = "X-Fleetbench-Gateway-Token";

    private static final Logger log = LoggerFactory.getLogger(ReportServiceTokenFilter.class);

    private final @Nullable String token;

    ReportServiceTokenFilter(GatewayProperties properties) {
        String configured = properties.reportServiceToken();
        this.token = configured == null || configured.isBlank() ? null : configured;
        if (token == null) {
            log.warn("fleetbench.gateway.report-service-token is not set, so requests to the report service carry no "
                    + "{} header. A report service with fleetbench.report.gateway-token set rejects them with 401",
                    TOKEN_HEADER);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        boolean toReportService = route != null && ReportServiceRouteConfiguration.ROUTE_ID.equals(route.getId());
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> {
                    headers.remove(TOKEN_HEADER);
                    if (toReportService && token != null) {
                        headers.set(TOKEN_HEADER, token);
                    }
                }))
                .build());
    }

    /** Runs right after {@link AuthenticatedUserHeaderFilter}, before the routing filters send the request. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
