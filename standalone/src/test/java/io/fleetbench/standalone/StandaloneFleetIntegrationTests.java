package io.fleetbench.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Volume;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;

/**
 * The whole path on real parts: containers with known misconfigurations on the local Docker engine, the collector
 * agent reading them, a real Kafka broker, the rule engine, the report service on real PostgreSQL, and the results
 * read through the API gateway.
 */
@DockerEngineAvailable
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StandaloneFleetIntegrationTests {

    private static final DockerImageName IMAGE = DockerImageName.parse("local/busybox:1");
    private static final String PLANTED_SECRET = "e2e-planted-Zq7w0rd-4f1c";

    private final List<GenericContainer<?>> containers = new ArrayList<>();
    private final ByteArrayOutputStream terminalBytes = new ByteArrayOutputStream();
    private Path dataDir;
    private StandaloneFleet fleet;
    private HostFindingsEvaluated firstReport;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startContainersAndFleet() throws IOException {
        start("fb-e2e-host-network", container -> container.withNetworkMode("host"));
        start("fb-e2e-docker-socket", container -> container.withNetworkMode("none").withCreateContainerCmdModifier(cmd ->
                cmd.getHostConfig().withBinds(new Bind("/var/run/docker.sock", new Volume("/var/run/docker.sock")))));
        start("fb-e2e-plain-secret", container -> container.withNetworkMode("none").withEnv("DB_PASSWORD", PLANTED_SECRET));
        start("fb-e2e-added-caps", container -> container.withNetworkMode("none").withCreateContainerCmdModifier(cmd ->
                cmd.getHostConfig().withCapAdd(Capability.NET_ADMIN, Capability.SYS_ADMIN)));
        start("fb-e2e-hardened", container -> container.withNetworkMode("none").withCreateContainerCmdModifier(cmd -> {
            cmd.withUser("1000:1000");
            cmd.getHostConfig()
                    .withReadonlyRootfs(true)
                    .withCapDrop(Capability.ALL)
                    .withSecurityOpts(List.of("no-new-privileges:true"))
                    .withMemory(64L * 1024 * 1024)
                    .withPidsLimit(64L)
                    .withCpuShares(512);
        }));

        dataDir = Files.createTempDirectory("fleetbench-e2e-");
        TerminalOutput terminal = new TerminalOutput(new PrintStream(terminalBytes, true, StandardCharsets.UTF_8), false);
        fleet = StandaloneFleet.start(
                new StandaloneOptions(DockerEngineAvailable.SOCKET, 0, dataDir, Duration.ofMinutes(5)), terminal);
        firstReport = fleet.awaitFirstReport(Duration.ofMinutes(2)).orElseThrow();
    }

    @AfterAll
    void stopFleetAndContainers() throws IOException {
        if (fleet != null) {
            fleet.close();
        }
        containers.forEach(GenericContainer::stop);
        if (dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void start(String name, Consumer<GenericContainer<?>> settings) {
        GenericContainer<?> container = new GenericContainer<>(IMAGE).withCommand("/bin/sleep", "600");
        settings.accept(container);
        container.withCreateContainerCmdModifier(cmd -> cmd.withName(name));
        container.start();
        containers.add(container);
    }

    @Test
    void hostNetworkContainerWarnsWithReason() throws Exception {
        JsonNode finding = finding("5.10", "container:fb-e2e-host-network");

        assertThat(finding.get("status").asText()).isEqualTo("WARN");
        assertThat(finding.get("reason").asText()).contains("host");
    }

    @Test
    void mountedDockerSocketWarnsWithReason() throws Exception {
        JsonNode finding = finding("5.32", "container:fb-e2e-docker-socket");

        assertThat(finding.get("status").asText()).isEqualTo("WARN");
        assertThat(finding.get("reason").asText()).contains("/var/run/docker.sock");
    }

    @Test
    void plainTextPasswordWarnsWithoutValue() throws Exception {
        JsonNode finding = finding("FB.1", "container:fb-e2e-plain-secret");

        assertThat(finding.get("status").asText()).isEqualTo("WARN");
        assertThat(finding.get("reason").asText()).contains("DB_PASSWORD");
        assertThat(currentReportBody()).doesNotContain(PLANTED_SECRET);
        assertThat(new String(EventCodec.encode(firstReport), StandardCharsets.UTF_8)).doesNotContain(PLANTED_SECRET);
    }

    @Test
    void addedCapabilitiesWarnNamingThem() throws Exception {
        JsonNode finding = finding("5.4", "container:fb-e2e-added-caps");

        assertThat(finding.get("status").asText()).isEqualTo("WARN");
        assertThat(finding.get("reason").asText()).contains("NET_ADMIN").contains("SYS_ADMIN");
    }

    @Test
    void missingLimitsWarn() throws Exception {
        assertThat(finding("5.11", "container:fb-e2e-added-caps").get("status").asText()).isEqualTo("WARN");
        assertThat(finding("5.29", "container:fb-e2e-added-caps").get("status").asText()).isEqualTo("WARN");
    }

    @Test
    void hardenedContainerPassesThoseChecks() throws Exception {
        for (String checkId : List.of("4.1", "5.4", "5.10", "5.11", "5.12", "5.13", "5.26", "5.29", "5.32", "FB.1")) {
            JsonNode finding = finding(checkId, "container:fb-e2e-hardened");
            assertThat(finding.get("status").asText()).as("check %s: %s", checkId, finding.get("reason").asText())
                    .isEqualTo("PASS");
        }
    }

    @Test
    void apiRejectsMissingCredentials() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fleet.gatewayUrl() + "/api/v1/hosts"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void reportServiceRejectsDirectWaiver() throws Exception {
        String waiver = "{\"checkId\":\"5.10\",\"hostId\":\"" + firstReport.hostId() + "\",\"reason\":\"direct\","
                + "\"owner\":\"mallory\",\"approver\":\"mallory\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}";
        for (String token : new String[] {null, "wrong-token"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fleet.reportServiceUrl() + "/api/v1/waivers"))
                    .header("Content-Type", "application/json")
                    .header("X-Fleetbench-User", "mallory")
                    .POST(HttpRequest.BodyPublishers.ofString(waiver));
            if (token != null) {
                request.header("X-Fleetbench-Gateway-Token", token);
            }

            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("direct POST with token %s", token).isEqualTo(401);
        }
        assertThat(get("/api/v1/waivers")).doesNotContain("mallory");
    }

    @Test
    void reportServiceAcceptsStoredToken() throws Exception {
        Path tokenFile = dataDir.resolve("gateway-token");
        String token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        HttpRequest request = HttpRequest.newBuilder(URI.create(fleet.reportServiceUrl() + "/api/v1/fleet/summary"))
                .header("X-Fleetbench-Gateway-Token", token)
                .GET()
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
    }

    @Test
    void fleetSummaryCountsTheHost() throws Exception {
        JsonNode summary = EventCodec.mapper().readTree(get("/api/v1/fleet/summary"));

        assertThat(summary.get("hostCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("counts").get("WARN").asInt()).isPositive();
    }

    @Test
    void terminalShowsDockerBenchForm() {
        fleet.printFirstReport(Duration.ofSeconds(1));
        String terminal = terminalBytes.toString(StandardCharsets.UTF_8);

        assertThat(terminal).contains("Docker engine: Docker");
        assertThat(terminal).doesNotContain(PLANTED_SECRET);
    }

    private JsonNode finding(String checkId, String targetKey) throws Exception {
        Map<String, JsonNode> byKey = new HashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = send("/api/v1/hosts/" + firstReport.hostId() + "/report");
            if (response.statusCode() == 404) {
                // The report service has not applied the host's first report yet.
                return false;
            }
            assertThat(response.statusCode()).as("report answered %s", response.body()).isEqualTo(200);
            JsonNode report = EventCodec.mapper().readTree(response.body());
            JsonNode findings = report.get("findings");
            if (findings == null) {
                return false;
            }
            for (JsonNode finding : findings) {
                byKey.put(finding.get("checkId").asText() + "|" + finding.get("targetKey").asText(), finding);
            }
            return report.get("snapshotSequence").asLong() >= firstReport.snapshotSequence();
        });
        JsonNode finding = byKey.get(checkId + "|" + targetKey);
        assertThat(finding).as("finding %s on %s among %s", checkId, targetKey, byKey.keySet()).isNotNull();
        return finding;
    }

    private String currentReportBody() throws Exception {
        return get("/api/v1/hosts/" + firstReport.hostId() + "/report");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertThat(response.statusCode()).as("GET %s answered %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(String path) throws Exception {
        String credentials = AdminCredentials.USER + ":" + fleet.adminPassword();
        HttpRequest request = HttpRequest.newBuilder(URI.create(fleet.gatewayUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
