package io.fleetbench.gateway.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Serves the dashboard from the gateway jar: {@code index.html} at {@code /}, its stylesheet, script and icon under
 * {@code /dashboard/}, and the signed-in user's roles at {@value DashboardPaths#SESSION}. The files are read once at
 * startup from {@code classpath:fleetbench/dashboard/}, a folder that no other service's static-resource locations
 * contain, so the report service does not serve them when every service runs in one JVM.
 *
 * <p>Each path maps to one fixed file, so a request path never selects a file. Spring Security adds the response
 * headers of the page (Content-Security-Policy, {@code X-Content-Type-Options}, {@code Referrer-Policy}) in
 * {@code SecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    private static final String FOLDER = "fleetbench/dashboard/";

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final MediaType SVG = new MediaType("image", "svg+xml");

    @Bean
    RouterFunction<ServerResponse> dashboardRoutes() {
        return RouterFunctions.route()
                .route(getOrHead(DashboardPaths.PAGE), file("index.html", HTML))
                .route(getOrHead(DashboardPaths.STYLESHEET), file("dashboard.css", CSS))
                .route(getOrHead(DashboardPaths.SCRIPT), file("dashboard.js", JAVASCRIPT))
                .route(getOrHead(DashboardPaths.ICON), file("icon.svg", SVG))
                .route(getOrHead(DashboardPaths.SESSION), DashboardConfiguration::session)
                .build();
    }

    /**
     * Matches GET and HEAD on {@code path}. WebFlux drops the body of a HEAD response, and a GET predicate alone
     * does not match HEAD in Spring Framework 7.0.8.
     */
    private static RequestPredicate getOrHead(String path) {
        return RequestPredicates.GET(path).or(RequestPredicates.HEAD(path));
    }

    /** Returns a handler that sends the file's bytes, read here once, with the given content type. */
    private static HandlerFunction<ServerResponse> file(String name, MediaType contentType) {
        byte[] content = read(name);
        return request -> ServerResponse.ok().contentType(contentType).bodyValue(content);
    }

    private static byte[] read(String name) {
        ClassPathResource resource = new ClassPathResource(FOLDER + name);
        try {
            return resource.getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read the dashboard file classpath:" + FOLDER + name
                    + ". Rebuild the api-gateway jar, which packages it from src/main/resources/" + FOLDER, e);
        }
    }

    /**
     * Returns the signed-in user's name and roles. Security allows this path only to authenticated users, so the
     * principal is always an {@link Authentication}.
     */
    private static Mono<ServerResponse> session(ServerRequest request) {
        return request.principal()
                .cast(Authentication.class)
                .map(authentication -> new DashboardSession(authentication.getName(), roles(authentication)))
                .flatMap(session -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(session));
    }

    private static List<String> roles(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
    }

    /**
     * The body of {@value DashboardPaths#SESSION}.
     *
     * @param user the authenticated user name
     * @param roles the user's roles without the {@code ROLE_} prefix, such as {@code ADMIN}, sorted
     */
    record DashboardSession(String user, List<String> roles) {
    }
}
