package io.fleetbench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.gateway.RecordingBackendServer.ReceivedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the whole gateway on a random port in front of a real HTTP backend on loopback, and checks routing,
 * authentication, roles, rate limiting, error bodies and what reaches the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ApiGatewayApplication.CONFIG_NAME,
        "fleetbench.gateway.rate-limit.requests-per-second=" + ApiGatewayIntegrationTests.REQUESTS_PER_SECOND,
        "fleetbench.gateway.rate-limit.burst=" + ApiGatewayIntegrationTests.BURST,
        "fleetbench.gateway.failed-logins.per-address=" + ApiGatewayIntegrationTests.FAILED_LOGINS_PER_ADDRESS,
        "fleetbench.gateway.failed-logins.per-user-name=" + ApiGatewayIntegrationTests.FAILED_LOGINS_PER_USER_NAME,
        "fleetbench.gateway.failed-logins.refill-interval=1m",
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

    /**
     * Failed logins allowed per client address. The other tests send at most two wrong passwords from 127.0.0.1, and
     * the failed-login tests send theirs from other loopback addresses.
     */
    static final int FAILED_LOGINS_PER_ADDRESS = 3;
    static final int FAILED_LOGINS_PER_USER_NAME = 4;

    private static final RecordingBackendServer backend = new RecordingBackendServer();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Test users: each test that counts requests has its own, because every user has a separate bucket. */
    private static final TestUser viewer = new TestUser("viewer", "VIEWER");
    private static final TestUser admin = new TestUser("admin", "ADMIN");
    private static final TestUser limited = new TestUser("limited", "VIEWER");
    private static final TestUser secretive = new TestUser("secretive", "ADMIN");
    private static final TestUser guessed = new TestUser("guessed", "VIEWER");
    private static final TestUser bystander = new TestUser("bystander", "VIEWER");
    private static final TestUser querier = new TestUser("querier", "VIEWER");
    private static final List<TestUser> users =
            List.of(viewer, admin, limited, secretive, guessed, bystander, querier);

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

    /**
     * Query strings that Spring Cloud Gateway's route-to-URL step would encode once more. The first element is the
     * query as sent, the second the query the backend must receive, written as ISO-8859-1 so that one character is one
     * byte on the wire.
     */
    private static final List<List<String>> ESCAPED_QUERIES = List.of(
            List.of("label=a=b%20c", "label=a=b%20c"),
            List.of("label=a=b+c", "label=a=b+c"),
            List.of("label=a=b%2Bc&x=1", "label=a=b%2Bc&x=1"),
            List.of("label=a=b%26c", "label=a=b%26c"),
            List.of("label=a%3Db=c%3Dd", "label=a%3Db=c%3Dd"),
            List.of("label=team=caf%C3%A9", "label=team=caf%C3%A9"),
            List.of("label=team=caf%c3%a9", "label=team=caf%c3%a9"),
            // Raw UTF-8 bytes of "é" arrive percent-encoded: the same bytes, now valid in a URI.
            List.of("label=team=caf\u00c3\u00a9", "label=team=caf%C3%A9"));

    @Test
    void forwardsEscapedQueryBytesUnchanged() throws IOException {
        for (List<String> query : ESCAPED_QUERIES) {
            String target = "/api/v1/hosts?" + query.get(0);
            RawResponse response = sendRaw("127.0.0.1", "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + basicToken(querier.name(), querier.password())
                    + "\r\nConnection: close\r\n\r\n");

            assertThat(response.status()).as("status for %s", target).isEqualTo(200);
            List<ReceivedRequest> received = backend.drain();
            assertThat(received).as("requests received for %s", target).hasSize(1);
            assertThat(received.get(0).uri()).as("target received for %s", target)
                    .isEqualTo("/api/v1/hosts?" + query.get(1));
        }
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
                        "The gateway serves only the API under /api/, the dashboard at / and the health endpoint, "
                                + "not GET /actuator/env.");
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

    @Test
    void rejectsLongUriWithProblem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(gatewayUrl("/api/v1/hosts?q=" + "a".repeat(5000)))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(414);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(414);
        assertThat(problem.path("title").asString()).isEqualTo("URI Too Long");
        assertThat(problem.path("detail").asString()).isEqualTo("The request line is longer than the gateway's limit "
                + "of 4096 bytes. Send a shorter URI, such as one with fewer query parameters.");
        assertThat(backend.drain()).isEmpty();
    }

    @Test
    void rejectsLargeHeadersWithProblem() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(gatewayUrl("/api/v1/hosts")))
                        .header("X-Padding", "p".repeat(9000))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
                .hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(431);
        assertThat(problem.path("title").asString()).isEqualTo("Request Header Fields Too Large");
        assertThat(problem.path("detail").asString()).contains("limit of 8192 bytes");
    }

    @Test
    void rejectsMalformedRequestWithProblem() throws Exception {
        RawResponse response = sendRaw("127.0.0.1", "GET /api/v1/hosts NOTHTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().get("content-type")).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asString()).isEqualTo("Bad Request");
        assertThat(problem.path("detail").asString()).startsWith("The request is not valid HTTP/1.1");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void blocksAddressAfterFailedLogins(CapturedOutput output) throws Exception {
        String attacker = "127.0.0.2";
        String wrongPassword = "guess-" + UUID.randomUUID();
        for (int attempt = 1; attempt <= FAILED_LOGINS_PER_ADDRESS; attempt++) {
            RawResponse response = sendRaw(attacker, getHosts("intruder-" + attempt, wrongPassword));
            assertThat(response.status()).as("status of failed login %s", attempt).isEqualTo(401);
        }

        RawResponse blocked = sendRaw(attacker, getHosts(bystander.name(), bystander.password()));
        RawResponse otherAddress = sendRaw("127.0.0.1", getHosts(bystander.name(), bystander.password()));

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.headers().get("content-type")).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // One failed login returns per minute, less the time the attempts took.
        assertThat(Integer.parseInt(blocked.headers().get("retry-after"))).isBetween(1, 60);
        JsonNode problem = JSON.readTree(blocked.body());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString()).startsWith("Too many failed logins for this client address");
        assertThat(problem.path("retryAfterSeconds").asInt()).isBetween(1, 60);
        assertThat(otherAddress.status()).isEqualTo(200);
        assertThat(output).contains("Client address 127.0.0.2 reached the limit of " + FAILED_LOGINS_PER_ADDRESS
                + " failed logins (last as user name 'intruder-" + FAILED_LOGINS_PER_ADDRESS + "')");
        assertThat(output).doesNotContain(wrongPassword);
        assertThat(output).doesNotContain(bystander.password());
    }

    @Test
    void blocksUserNameFromFailingAddresses() throws Exception {
        List<String> attackers = List.of("127.0.0.3", "127.0.0.4");
        int perAttacker = FAILED_LOGINS_PER_USER_NAME / attackers.size();
        for (String attacker : attackers) {
            for (int attempt = 1; attempt <= perAttacker; attempt++) {
                RawResponse response = sendRaw(attacker, getHosts(guessed.name(), "guess-" + attempt));
                assertThat(response.status()).as("status of failed login %s from %s", attempt, attacker)
                        .isEqualTo(401);
            }
        }

        // 127.0.0.3 is below its own limit, so the user name's limit is what blocks it.
        RawResponse failingAddress = sendRaw("127.0.0.3", getHosts(guessed.name(), guessed.password()));
        RawResponse otherUser = sendRaw("127.0.0.3", getHosts(bystander.name(), bystander.password()));
        RawResponse cleanAddress = sendRaw("127.0.0.5", getHosts(guessed.name(), guessed.password()));

        assertThat(failingAddress.status()).isEqualTo(429);
        assertThat(failingAddress.headers()).containsKey("retry-after");
        assertThat(JSON.readTree(failingAddress.body()).path("detail").asString())
                .startsWith("Too many failed logins for this user name");
        assertThat(otherUser.status()).isEqualTo(200);
        assertThat(cleanAddress.status()).isEqualTo(200);
    }

    private String gatewayUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + port + pathAndQuery;
    }

    /** Returns a GET request for the host list with Basic credentials and {@code Connection: close}. */
    private static String getHosts(String name, String password) {
        return "GET /api/v1/hosts HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basicToken(name, password)
                + "\r\nConnection: close\r\n\r\n";
    }

    /**
     * Sends {@code request} as raw bytes from the loopback address {@code sourceAddress}, which becomes the client
     * address in the gateway, and reads the response until the server closes the connection.
     */
    private RawResponse sendRaw(String sourceAddress, String request) throws IOException {
        InetAddress source = InetAddress.getByName(sourceAddress);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, source, 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            int headerEnd = response.indexOf("\r\n\r\n");
            assertThat(headerEnd).as("end of the response headers in %s", response).isPositive();
            String[] lines = response.substring(0, headerEnd).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (int index = 1; index < lines.length; index++) {
                int colon = lines[index].indexOf(':');
                headers.put(lines[index].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[index].substring(colon + 1).strip());
            }
            return new RawResponse(status, headers, response.substring(headerEnd + 4));
        }
    }

    /** A response read from a raw socket, with header names in lower case. */
    private record RawResponse(int status, Map<String, String> headers, String body) {
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
