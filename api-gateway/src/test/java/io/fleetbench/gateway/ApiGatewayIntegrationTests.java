package io.fleetbench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.gateway.RecordingBackendServer.ReceivedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Runs the whole gateway on a random port in front of a real HTTP backend on loopback, and checks routing,
 * authentication, roles, rate limiting, error bodies and what reaches the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ApiGatewayApplication.CONFIG_NAME,
        "fleetbench.gateway.rate-limit.requests-per-second=" + ApiGatewayIntegrationTests.REQUESTS_PER_SECOND,
        "fleetbench.gateway.rate-limit.burst=" + ApiGatewayIntegrationTests.BURST,
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        // Verbose logging, so that the log test can catch a body or password that any of these would print.
        "logging.level.io.fleetbench=DEBUG",
        "logging.level.org.springframework.security=DEBUG",
        "logging.level.org.springframework.cloud.gateway=DEBUG",
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.reactor.netty.http=DEBUG"})
@AutoConfigureWebTestClient
class ApiGatewayIntegrationTests {

    static final int BURST = 10;
    static final String REQUESTS_PER_SECOND = "0.1";

    private static final RecordingBackendServer backend = new RecordingBackendServer();

    /** Test users: each test that counts requests has its own, because every user has a separate bucket. */
    private static final TestUser viewer = new TestUser("viewer", "VIEWER");
    private static final TestUser admin = new TestUser("admin", "ADMIN");
    private static final TestUser limited = new TestUser("limited", "VIEWER");
    private static final TestUser secretive = new TestUser("secretive", "ADMIN");
    private static final List<TestUser> users = List.of(viewer, admin, limited, secretive);

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("fleetbench.gateway.report-service-uri", () -> "http://127.0.0.1:" + backend.port());

        // A route from YAML beside the report-service route, to a loopback port where nothing listens.
        String unreachable = "spring.cloud.gateway.server.webflux.routes[0].";
        registry.add(unreachable + "id", () -> "unreachable");
        registry.add(unreachable + "uri", () -> "http://127.0.0.1:" + closedLoopbackPort());
        registry.add(unreachable + "order", () -> "-1");
        registry.add(unreachable + "predicates[0]", () -> "Path=/api/v1/unreachable/**");
        for (int index = 0; index < users.size(); index++) {
            TestUser user = users.get(index);
            String prefix = "fleetbench.gateway.users[" + index + "].";
            registry.add(prefix + "name", user::name);
            registry.add(prefix + "password-hash", user::passwordHash);
            registry.add(prefix + "roles", user::role);
        }
    }

    private static int closedLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free loopback port", e);
        }
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
    void forwardsPathAndQueryUnchanged() {
        // An absolute URI, because WebTestClient would encode the '%' of a URI template once more.
        client.get().uri(URI.create(gatewayUrl("/api/v1/hosts?status=WARN&cursor=abc%3D%3D&label=env%3Dprod")))
                .headers(viewer::authenticate)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).isEqualTo(RecordingBackendServer.HOSTS_BODY);

        List<ReceivedRequest> received = backend.drain();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).method()).isEqualTo("GET");
        assertThat(received.get(0).uri()).isEqualTo("/api/v1/hosts?status=WARN&cursor=abc%3D%3D&label=env%3Dprod");
    }

    @Test
    void replacesCredentialsWithUserHeader() {
        client.get().uri("/api/v1/hosts")
                .headers(viewer::authenticate)
                .header("X-Fleetbench-User", "admin")
                .exchange()
                .expectStatus().isOk();

        ReceivedRequest received = backend.drain().get(0);
        assertThat(received.headers().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
        assertThat(received.headers().get("X-Fleetbench-User")).containsExactly("viewer");
    }

    @Test
    void rejectsRequestWithoutCredentials() {
        client.get().uri("/api/v1/hosts")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Fleetbench\", charset=\"UTF-8\"")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.detail").isEqualTo(
                        "Authentication is required. Send HTTP Basic credentials of a configured user.")
                .jsonPath("$.instance").isEqualTo("/api/v1/hosts")
                .jsonPath("$.requestId").isNotEmpty();

        assertThat(backend.drain()).isEmpty();
    }

    @Test
    void rejectsWrongPassword() {
        client.get().uri("/api/v1/hosts")
                .headers(headers -> headers.setBasicAuth(viewer.name(), "not-the-password"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo(
                        "The user name or password is invalid. Send HTTP Basic credentials of a configured user.");

        assertThat(backend.drain()).isEmpty();
    }

    @Test
    void forbidsViewerToPost() {
        client.post().uri("/api/v1/waivers")
                .headers(viewer::authenticate)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"checkId\":\"no-privileged-containers\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(403)
                .jsonPath("$.title").isEqualTo("Forbidden")
                .jsonPath("$.detail").isEqualTo("User viewer with roles [VIEWER] may not send POST to /api/v1/waivers. "
                        + "GET and HEAD need role VIEWER or ADMIN; every other method needs role ADMIN.")
                .jsonPath("$.instance").isEqualTo("/api/v1/waivers");

        assertThat(backend.drain()).isEmpty();
    }

    @Test
    void allowsViewerHeadRequest() {
        client.head().uri("/api/v1/hosts")
                .headers(viewer::authenticate)
                .exchange()
                .expectStatus().isOk();

        assertThat(backend.drain()).extracting(ReceivedRequest::method).containsExactly("HEAD");
    }

    @Test
    void allowsAdminToPost() {
        String waiver = "{\"checkId\":\"no-privileged-containers\",\"target\":\"container:web\"}";

        client.post().uri("/api/v1/waivers")
                .headers(admin::authenticate)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(waiver)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).isEqualTo(RecordingBackendServer.WAIVER_CREATED_BODY);

        List<ReceivedRequest> received = backend.drain();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).method()).isEqualTo("POST");
        assertThat(received.get(0).body()).isEqualTo(waiver);
        assertThat(received.get(0).headers().get("X-Fleetbench-User")).containsExactly("admin");
    }

    @Test
    void allowsAdminToRead() {
        client.get().uri("/api/v1/hosts")
                .headers(admin::authenticate)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(RecordingBackendServer.HOSTS_BODY);
    }

    @Test
    void deniesPathsOutsideApi() {
        client.get().uri("/actuator/env")
                .headers(admin::authenticate)
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.detail").isEqualTo(
                        "The gateway serves only the API under /api/ and the health endpoint, not /actuator/env.");
    }

    @Test
    void limitsRequestsAfterBurst() {
        for (int request = 1; request <= BURST; request++) {
            client.get().uri("/api/v1/hosts")
                    .headers(limited::authenticate)
                    .exchange()
                    .expectStatus().isOk();
        }

        client.get().uri("/api/v1/hosts")
                .headers(limited::authenticate)
                .exchange()
                .expectStatus().isEqualTo(429)
                // At 0.1 requests per second the next token is at most 10 s away, less the time the burst took.
                .expectHeader().value(HttpHeaders.RETRY_AFTER,
                        retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 10))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).matches(
                        "User limited exceeded the rate limit of 0\\.1 requests per second \\(burst " + BURST
                                + "\\)\\. Retry after ([1-9]|10) s\\."))
                .jsonPath("$.retryAfterSeconds").value(Integer.class,
                        retryAfter -> assertThat(retryAfter).isBetween(1, 10));

        assertThat(backend.drain()).hasSize(BURST);
    }

    @Test
    void keepsHealthOpenWithoutCredentials() {
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void timesOutSlowBackendWith504() {
        client.get().uri("/api/v1/slow")
                .headers(admin::authenticate)
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(504)
                .jsonPath("$.title").isEqualTo("Gateway Timeout")
                .jsonPath("$.detail").isEqualTo(
                        "The upstream service did not respond within the gateway's response timeout. Retry later.");
    }

    @Test
    void reportsUnreachableBackendWith502() {
        client.get().uri("/api/v1/unreachable/hosts")
                .headers(admin::authenticate)
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(502)
                .jsonPath("$.title").isEqualTo("Bad Gateway")
                .jsonPath("$.detail").value(String.class,
                        detail -> assertThat(detail).startsWith("The gateway failed to connect to the upstream service."))
                .jsonPath("$.instance").isEqualTo("/api/v1/unreachable/hosts");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void keepsBodyAndPasswordsOutOfLogs(CapturedOutput output) throws Exception {
        String bodyMarker = "body-marker-" + UUID.randomUUID();
        String wrongPassword = "wrong-password-" + UUID.randomUUID();

        // The JDK client logs nothing, unlike WebTestClient, so every captured line comes from the gateway.
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl("/api/v1/waivers")))
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basicToken(secretive.name(), secretive.password()))
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + bodyMarker + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> rejected = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl("/api/v1/hosts")))
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basicToken(secretive.name(), wrongPassword))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(rejected.statusCode()).isEqualTo(401);
        assertThat(backend.drain().get(0).body()).contains(bodyMarker);
        assertThat(output).contains("Rejected invalid HTTP Basic credentials for GET /api/v1/hosts");
        assertThat(output).doesNotContain(bodyMarker);
        assertThat(output).doesNotContain(secretive.password());
        assertThat(output).doesNotContain(basicToken(secretive.name(), secretive.password()));
        assertThat(output).doesNotContain(wrongPassword);
        assertThat(output).doesNotContain(basicToken(secretive.name(), wrongPassword));
        assertThat(output).doesNotContain(secretive.passwordHash().substring("{bcrypt}".length()));
    }

    private String gatewayUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    private static String basicToken(String name, String password) {
        return Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A configured user with a random password, hashed at the lowest bcrypt cost to keep the tests fast. */
    private record TestUser(String name, String role, String password, String passwordHash) {

        private static final BCryptPasswordEncoder FAST_ENCODER = new BCryptPasswordEncoder(4);

        TestUser(String name, String role) {
            this(name, role, "password-" + UUID.randomUUID());
        }

        private TestUser(String name, String role, String password) {
            this(name, role, password, "{bcrypt}" + FAST_ENCODER.encode(password));
        }

        void authenticate(HttpHeaders headers) {
            headers.setBasicAuth(name, password);
        }
    }
}
