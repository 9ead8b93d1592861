package io.fleetbench.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Puts the client's raw path and query back into the upstream URL, so that the upstream service receives the
 * percent escapes the client sent.
 *
 * <p>Spring Cloud Gateway 5.0.4's {@link RouteToRequestUrlFilter} encodes the path and query once more unless they
 * contain a {@code %} and {@code UriComponentsBuilder} accepts every query parameter as fully encoded. A valid query
 * such as {@code label=a=b%20c} fails that check because of the second {@code =}, so {@code %20} reached the upstream
 * service as {@code %2520}. Routes that rewrite the path still work, because their filters change the request before
 * this one reads it.
 */
@Component
class RawRequestTargetFilter implements GlobalFilter, Ordered {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI upstream = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (upstream != null && upstream.getRawAuthority() != null) {
            URI client = exchange.getRequest().getURI();
            exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, withRawTarget(upstream, client));
        }
        return chain.filter(exchange);
    }

    /** Runs right after the route's URL is resolved and before the routing filters send the request. */
    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

    /** Returns {@code upstream}'s scheme and authority with {@code client}'s raw path and query. */
    static URI withRawTarget(URI upstream, URI client) {
        StringBuilder target = new StringBuilder()
                .append(upstream.getScheme())
                .append("://")
                .append(upstream.getRawAuthority())
                .append(escapeNonAscii(client.getRawPath()));
        if (client.getRawQuery() != null) {
            target.append('?').append(escapeNonAscii(client.getRawQuery()));
        }
        return URI.create(target.toString());
    }

    /**
     * Percent-encodes the characters above U+007F. Reactor Netty reads the request line as ISO-8859-1, so each such
     * character is one byte of raw UTF-8 the client sent, and the escape carries that byte unchanged. Without it,
     * {@link URI#toASCIIString()} would encode each of those characters as two UTF-8 bytes.
     */
    private static String escapeNonAscii(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(raw.length());
        for (int index = 0; index < raw.length(); index++) {
            char character = raw.charAt(index);
            if (character < 0x80) {
                escaped.append(character);
            } else {
                byte[] bytes = String.valueOf(character).getBytes(StandardCharsets.ISO_8859_1);
                escaped.append('%').append(HEX.formatHex(bytes));
            }
        }
        return escaped.toString();
    }
}
