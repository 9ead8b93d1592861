package io.fleetbench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.gateway.RecordingBackendServer.ReceivedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the whole gateway with {@code fleetbench.gateway.report-service-token} set, in front of a real HTTP backend on
 * loopback, and checks which requests carry the token upstream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ApiGatewayApplication.CONFIG_NAME,
        "fleetbench.gateway.report-service-token=" + ReportServiceTokenIntegrationTests.TOKEN})
@AutoConfigureWebTestClient
class ReportServiceTokenIntegrationTests {

    static final String TOKEN = "gateway-token-for-tests-3b1f0c";

    private static final String TOKEN_HEADER = "X-Fleetbench-Gateway-Token";
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

    private static final RecordingBackendServer backend = new RecordingBackendServer();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("fleetbench.gateway.report-service-uri", () -> "http://127.0.0.1:" + backend.port());
        registry.add("fleetbench.gateway.users[0].name", () -> "admin");
        registry.add("fleetbench.gateway.users[0].password-hash",
                () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(ADMIN_PASSWORD));
        registry.add("fleetbench.gateway.users[0].roles", () -> "ADMIN");

        // A route from YAML to the same backend, which must not receive the report service's token.
        String other = "spring.cloud.gateway.server.webflux.routes[0].";
        registry.add(other + "id", () -> "other-service");
        registry.add(other + "uri", () -> "http://127.0.0.1:" + backend.port());
        registry.add(other + "order", () -> "-1");
        registry.add(other + "predicates[0]", () -> "Path=/api/v1/other/**");
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        backend.drain();
    }

    @Test
    void addsTokenToReportServiceRequests() {
        client.post().uri("/api/v1/waivers")
                .header(HttpHeaders.AUTHORIZATION, basicAuthorization())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isCreated();

        List<ReceivedRequest> received = backend.drain();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).headers().get(TOKEN_HEADER)).containsExactly(TOKEN);
    }

    @Test
    void replacesClientSentToken() {
        client.get().uri("/api/v1/hosts")
                .header(HttpHeaders.AUTHORIZATION, basicAuthorization())
                .header(TOKEN_HEADER, "forged-by-client")
                .exchange()
                .expectStatus().isOk();

        List<ReceivedRequest> received = backend.drain();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).headers().get(TOKEN_HEADER)).containsExactly(TOKEN);
    }

    @Test
    void otherRoutesGetNoToken() {
        client.get().uri("/api/v1/other/thing")
                .header(HttpHeaders.AUTHORIZATION, basicAuthorization())
                .header(TOKEN_HEADER, "forged-by-client")
                .exchange()
                .expectStatus().isNotFound();

        List<ReceivedRequest> received = backend.drain();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).uri()).isEqualTo("/api/v1/other/thing");
        assertThat(received.get(0).headers().containsHeader(TOKEN_HEADER)).isFalse();
    }

    @Test
    void unauthenticatedRequestNeverForwarded() {
        client.get().uri("/api/v1/hosts")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(TOKEN));

        assertThat(backend.drain()).isEmpty();
    }

    private static String basicAuthorization() {
        String credentials = "admin:" + ADMIN_PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
