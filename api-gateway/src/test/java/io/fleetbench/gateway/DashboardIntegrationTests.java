package io.fleetbench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
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
 * Runs the whole gateway on a random port and checks how it serves the dashboard: content types, security headers,
 * authentication, the session endpoint, the rate limit and cross-site writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ApiGatewayApplication.CONFIG_NAME,
        "fleetbench.gateway.rate-limit.requests-per-second=0.01",
        "fleetbench.gateway.rate-limit.burst=" + DashboardIntegrationTests.BURST})
@AutoConfigureWebTestClient
class DashboardIntegrationTests {

    static final int BURST = 2;

    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The dashboard's files and their content types. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("/", "text/html;charset=UTF-8");
        FILES.put("/dashboard/dashboard.css", "text/css;charset=UTF-8");
        FILES.put("/dashboard/dashboard.js", "text/javascript;charset=UTF-8");
        FILES.put("/dashboard/icon.svg", "image/svg+xml");
    }

    private static final BCryptPasswordEncoder FAST_ENCODER = new BCryptPasswordEncoder(4);
    private static final String VIEWER_PASSWORD = "viewer-" + UUID.randomUUID();
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String RELOADER_PASSWORD = "reloader-" + UUID.randomUUID();

    private static final RecordingBackendServer backend = new RecordingBackendServer();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("fleetbench.gateway.report-service-uri", () -> "http://127.0.0.1:" + backend.port());
        addUser(registry, 0, "viewer", VIEWER_PASSWORD, "VIEWER");
        addUser(registry, 1, "admin", ADMIN_PASSWORD, "ADMIN");
        // The rate-limit test has its own user, because each user has a separate token bucket.
        addUser(registry, 2, "reloader", RELOADER_PASSWORD, "VIEWER");
    }

    private static void addUser(DynamicPropertyRegistry registry, int index, String name, String password,
            String role) {
        String prefix = "fleetbench.gateway.users[" + index + "].";
        String hash = "{bcrypt}" + FAST_ENCODER.encode(password);
        registry.add(prefix + "name", () -> name);
        registry.add(prefix + "password-hash", () -> hash);
        registry.add(prefix + "roles", () -> role);
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
    void servesPageWithSecurityHeaders() {
        String page = client.get().uri("/")
                .headers(headers -> headers.setBasicAuth("viewer", VIEWER_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .expectHeader().valueEquals("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<script type=\"module\" src=\"/dashboard/dashboard.js\"></script>");
        assertThat(page).contains("<link rel=\"stylesheet\" href=\"/dashboard/dashboard.css\">");
    }

    @Test
    void servesFilesWithContentTypes() {
        FILES.forEach((path, contentType) -> client.get().uri(path)
                .headers(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, contentType)
                .expectHeader().valueEquals("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectBody().consumeWith(result -> assertThat(result.getResponseBody())
                        .as("body of %s", path).isNotEmpty()));
    }

    @Test
    void answersHeadWithoutBody() {
        client.head().uri("/")
                .headers(headers -> headers.setBasicAuth("viewer", VIEWER_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .expectHeader().valueEquals("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .expectBody().isEmpty();
    }

    @Test
    void challengesRequestsWithoutCredentials() {
        for (String path : FILES.keySet()) {
            client.get().uri(path)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE,
                            "Basic realm=\"Fleetbench\", charset=\"UTF-8\"")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.instance").isEqualTo(path);
        }
    }

    @Test
    void rejectsWrongPasswordForPage() {
        client.get().uri("/dashboard/dashboard.js")
                .headers(headers -> headers.setBasicAuth("viewer", "not-the-password"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody()
                .jsonPath("$.detail").isEqualTo(
                        "The user name or password is invalid. Send HTTP Basic credentials of a configured user.");
    }

    @Test
    void returnsSessionOfSignedInUser() {
        client.get().uri("/dashboard/session")
                .headers(headers -> headers.setBasicAuth("viewer", VIEWER_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().json("{\"user\":\"viewer\",\"roles\":[\"VIEWER\"]}", true);
    }

    @Test
    void deniesOtherDashboardPathsAndMethods() {
        client.get().uri("/dashboard/other.js")
                .headers(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
                .exchange()
                .expectStatus().isForbidden();
        client.post().uri("/")
                .headers(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.detail").isEqualTo("The gateway serves only the API under /api/, the dashboard at / "
                        + "and the health endpoint, not POST /.");
    }

    @Test
    void pageLoadsTakeNoApiTokens() {
        for (int load = 1; load <= 3; load++) {
            for (String path : FILES.keySet()) {
                client.get().uri(path)
                        .headers(headers -> headers.setBasicAuth("reloader", RELOADER_PASSWORD))
                        .exchange()
                        .expectStatus().isOk();
            }
            client.get().uri("/dashboard/session")
                    .headers(headers -> headers.setBasicAuth("reloader", RELOADER_PASSWORD))
                    .exchange()
                    .expectStatus().isOk();
        }

        for (int request = 1; request <= BURST; request++) {
            client.get().uri("/api/v1/hosts")
                    .headers(headers -> headers.setBasicAuth("reloader", RELOADER_PASSWORD))
                    .exchange()
                    .expectStatus().isOk();
        }
        client.get().uri("/api/v1/hosts")
                .headers(headers -> headers.setBasicAuth("reloader", RELOADER_PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(429);
    }

    @Test
    void rejectsCrossSiteWaiverPost() {
        client.post().uri("/api/v1/waivers")
                .headers(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
                .header("Sec-Fetch-Site", "cross-site")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"checkId\":\"5.5\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .startsWith("The gateway rejects POST requests that another site started"));
        assertThat(backend.drain()).isEmpty();

        client.post().uri("/api/v1/waivers")
                .headers(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD))
                .header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"checkId\":\"5.5\"}")
                .exchange()
                .expectStatus().isCreated();
        assertThat(backend.drain()).hasSize(1);
    }
}
