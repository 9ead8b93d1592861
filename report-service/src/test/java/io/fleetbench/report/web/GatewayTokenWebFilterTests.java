package io.fleetbench.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.report.ReportProperties;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Runs the filter in front of WebFlux handlers, without the database and Kafka that the API's controllers need. */
class GatewayTokenWebFilterTests {

    private static final String TOKEN = "bW9jay1mcmVlIHJhbmRvbSB0b2tlbiBmb3IgdGVzdHM";

    private static final RouterFunction<ServerResponse> HANDLERS = RouterFunctions.route()
            .POST("/api/v1/waivers", request -> ServerResponse.status(201).bodyValue("created"))
            .GET("/api/v1/fleet/summary", request -> ServerResponse.ok().bodyValue("summary"))
            .GET("/health", request -> ServerResponse.ok().bodyValue("up"))
            .build();

    @Test
    void missingTokenRejectsApiRequest() {
        WebTestClient client = clientWithToken(TOKEN);

        String body = client.post().uri("/api/v1/waivers")
                .header("X-Fleetbench-User", "mallory")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"status\":401");
        assertThat(body).contains(GatewayTokenWebFilter.TOKEN_HEADER);
    }

    @Test
    void wrongTokenRejectedWithoutEcho() {
        WebTestClient client = clientWithToken(TOKEN);
        String wrongToken = TOKEN.substring(0, TOKEN.length() - 1) + "X";

        String body = client.get().uri("/api/v1/fleet/summary")
                .header(GatewayTokenWebFilter.TOKEN_HEADER, wrongToken)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).doesNotContain(wrongToken);
        assertThat(body).doesNotContain(TOKEN);
    }

    @Test
    void rightTokenReachesHandler() {
        WebTestClient client = clientWithToken(TOKEN);

        client.post().uri("/api/v1/waivers")
                .header(GatewayTokenWebFilter.TOKEN_HEADER, TOKEN)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).isEqualTo("created");
    }

    @Test
    void pathsOutsideApiNeedNoToken() {
        clientWithToken(TOKEN).get().uri("/health")
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void unsetTokenAcceptsEveryCaller() {
        for (String unset : new String[] {null, "", "  "}) {
            clientWithToken(unset).get().uri("/api/v1/fleet/summary")
                    .exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void settingsDescriptionHidesToken() {
        assertThat(bindProperties(TOKEN).toString()).doesNotContain(TOKEN).contains("gatewayToken=(set)");
    }

    private static WebTestClient clientWithToken(@Nullable String token) {
        return WebTestClient.bindToRouterFunction(HANDLERS)
                .webFilter(new GatewayTokenWebFilter(bindProperties(token)))
                .build();
    }

    /** Binds the settings the way Spring Boot does, so that every other setting takes its default. */
    private static ReportProperties bindProperties(@Nullable String token) {
        Map<String, String> values = new HashMap<>();
        if (token != null) {
            values.put("fleetbench.report.gateway-token", token);
        }
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("fleetbench.report", ReportProperties.class);
    }
}
