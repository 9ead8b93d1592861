package io.fleetbench.gateway.security;

import io.fleetbench.gateway.problem.ProblemResponseWriter;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Responds with 403 and a problem detail to a browser request that changes state (any method but GET, HEAD and
 * OPTIONS) and that another site started, as its {@code Sec-Fetch-Site} header shows. A browser that signed in to the
 * dashboard sends the cached HTTP Basic credentials with every request to the gateway, including form posts from
 * other sites, and the gateway has no CSRF token because it keeps no session.
 *
 * <p>Requests without {@code Sec-Fetch-Site}, such as those of curl and CI jobs, pass. NOTE: browsers that predate
 * {@code Sec-Fetch-Site} (Safari before 16.4) are not covered here. Cross-site forms can still not send
 * {@code application/json}, which the waiver endpoints require. Like the other filters of the chain, this one is
 * deliberately not a bean.
 */
final class CrossSiteRequestWebFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestWebFilter.class);

    private static final String FETCH_SITE_HEADER = "Sec-Fetch-Site";

    /** {@code Sec-Fetch-Site} values of requests from the gateway's own pages or typed by the user. */
    private static final Set<String> ALLOWED_SITES = Set.of("same-origin", "none");

    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ProblemResponseWriter problems;

    CrossSiteRequestWebFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String site = exchange.getRequest().getHeaders().getFirst(FETCH_SITE_HEADER);
        if (site == null || ALLOWED_SITES.contains(site) || SAFE_METHODS.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        // Before authentication, so the line names the client address, not a user.
        log.info("Rejected {} {} from {} because another site started it (Sec-Fetch-Site: {}, Origin: {})",
                exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                ClientAddress.of(exchange.getRequest()), site,
                exchange.getRequest().getHeaders().getOrigin());
        return problems.write(exchange, HttpStatus.FORBIDDEN, "The gateway rejects " + exchange.getRequest().getMethod()
                + " requests that another site started (Sec-Fetch-Site: " + site + "). Send changes from the "
                + "dashboard at / or from a client that is not a browser.");
    }
}
