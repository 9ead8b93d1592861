package io.fleetbench.report.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.report.IntegrationTestSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks the host and fleet exports against golden files, and the compliance views. */
class ExportIntegrationTests extends IntegrationTestSupport {

    /** Allows 30 s per response, because the first requests after the context starts are slow on a busy machine. */
    @BeforeEach
    void allowSlowResponses() {
        webClient = webClient.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void hostCsvMatchesGoldenFile() {
        String hostId = publishGoldenHost("export-csv");

        String csv = webClient.get().uri("/api/v1/hosts/{hostId}/export?format=csv", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "csv"))
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"fleetbench-" + hostId
                        + "\\.csv\"")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(csv).isEqualTo(golden("host-export.csv").replace("{hostId}", hostId));
    }

    @Test
    void hostTextUsesDockerBenchForm() {
        String hostId = publishGoldenHost("export-text");

        String text = webClient.get().uri("/api/v1/hosts/{hostId}/export?format=TEXT", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(text).contains("Fleetbench audit of host Host " + hostId + " (" + hostId + ")");
        assertThat(text).contains("[WARN] 5.10 - Limit memory, \"always\"");
        assertThat(text).contains("Findings: 1 PASS, 2 WARN, 0 INFO, 0 NOTE");
    }

    @Test
    void fleetCsvContainsEveryHost() {
        String first = publishGoldenHost("export-fleet-a");
        String second = publishGoldenHost("export-fleet-b");

        String csv = webClient.get().uri("/api/v1/fleet/export?format=csv")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(csv).startsWith(String.join(",", ExportedFinding.CSV_HEADER) + "\r\n");
        assertThat(csv.lines().filter(line -> line.startsWith(first + ",")).count()).isEqualTo(3);
        assertThat(csv.lines().filter(line -> line.startsWith(second + ",")).count()).isEqualTo(3);
    }

    @Test
    void hostJsonMatchesGoldenFile() throws IOException {
        String hostId = publishGoldenHost("export-json");

        String json = webClient.get().uri("/api/v1/hosts/{hostId}/export?format=json", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        String expected = golden("host-export.json").replace("{hostId}", hostId);
        if (!expected.equals(json)) {
            // Leaves the actual output beside the test classes, to compare with the golden file by hand.
            Files.writeString(Path.of("target", "host-export.actual.json"), json.replace(hostId, "{hostId}"));
        }
        // Compared as trees, because the labels of HostDescriptor are an unordered map: their order in the
        // rendered JSON differs between JVMs.
        assertThat(EventCodec.mapper().readTree(json)).isEqualTo(EventCodec.mapper().readTree(expected));
    }

    @Test
    void hostSarifAndJunitUseSharedRenderers() {
        String hostId = publishGoldenHost("export-sarif");

        webClient.get().uri("/api/v1/hosts/{hostId}/export?format=sarif", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("application", "sarif+json"))
                .expectBody()
                .jsonPath("$.version").isEqualTo("2.1.0")
                .jsonPath("$.runs[0].results.length()").isEqualTo(2);
        String xml = webClient.get().uri("/api/v1/hosts/{hostId}/export?format=junit", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(xml).contains("<testsuites").contains("failures=\"2\"");
    }

    @Test
    void fleetJsonIsArrayOfReports() {
        String hostId = publishGoldenHost("export-fleet-json");

        webClient.get().uri("/api/v1/fleet/export?format=json")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.report.host.id == '" + hostId + "')].summary.warn").isEqualTo(2);
    }

    @Test
    void fleetSarifMatchesSarifSchema() throws IOException {
        String first = publishGoldenHost("export-fleet-sarif-a");
        String second = publishGoldenHost("export-fleet-sarif-b");

        String sarif = webClient.get().uri("/api/v1/fleet/export?format=sarif")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("application", "sarif+json"))
                .expectHeader().valueMatches("Content-Disposition", "attachment; filename=\"fleetbench-fleet\\.sarif\"")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        JsonNode log = new ObjectMapper().readTree(sarif);

        assertThat(sarifSchema().validate(log)).isEmpty();
        assertThat(log.at("/runs").size()).isEqualTo(1);
        assertThat(log.at("/runs/0/tool/extensions/0/name").asText()).isEqualTo("cis-docker-1.6.0");
        for (String hostId : List.of(first, second)) {
            List<JsonNode> results = new ArrayList<>();
            log.at("/runs/0/results").forEach(result -> {
                if (hostId.equals(result.at("/properties/hostId").asText())) {
                    results.add(result);
                }
            });
            assertThat(results).as("results of host %s", hostId).hasSize(2);
            assertThat(results.get(0).at("/ruleId").asText()).isEqualTo("2.16");
            assertThat(results.get(0).at("/partialFingerprints/fleetbenchFindingKey~1v1").asText())
                    .isEqualTo(hostId + "/1.6.0/2.16/daemon");
            assertThat(results.get(0).at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                    .isEqualTo(hostId + "/daemon");
            int extension = results.get(0).at("/rule/toolComponent/index").asInt();
            int rule = results.get(0).at("/rule/index").asInt();
            assertThat(log.at("/runs/0/tool/extensions/" + extension + "/rules/" + rule + "/id").asText())
                    .isEqualTo("2.16");
        }
    }

    @Test
    void fleetJunitHasSuitePerHost() throws Exception {
        String hostId = publishGoldenHost("export-fleet-junit");

        String xml = webClient.get().uri("/api/v1/fleet/export?format=junit")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));

        Element suite = null;
        NodeList suites = document.getDocumentElement().getElementsByTagName("testsuite");
        for (int index = 0; index < suites.getLength(); index++) {
            Element candidate = (Element) suites.item(index);
            if (candidate.getAttribute("name").equals("Host " + hostId + " (" + hostId + ")")) {
                suite = candidate;
            }
        }
        assertThat(suite).as("test suite of host %s", hostId).isNotNull();
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        Element firstCase = (Element) suite.getElementsByTagName("testcase").item(0);
        assertThat(firstCase.getAttribute("classname")).isEqualTo(hostId + ".cis-docker-1.6.0.2.16");
        assertThat(((Element) firstCase.getElementsByTagName("failure").item(0)).getAttribute("message"))
                .startsWith("userland-proxy is true");
    }

    @Test
    void fleetExportPagesThroughHosts() {
        List<HostFindingsEvaluated> reports = new ArrayList<>();
        String prefix = newHostId("export-pages");
        for (int index = 0; index < ExportQueries.HOST_PAGE_SIZE * 2 + 1; index++) {
            String hostId = prefix + "-" + index;
            HostFindingsEvaluated report = report(hostId, 1, containerFinding("5.5", "web", Status.WARN),
                    containerFinding("5.10", "web", Status.PASS));
            publish(report);
            reports.add(report);
        }
        reports.forEach(report -> awaitAppliedSequence(report.hostId(), 1));

        String csv = webClient.get().uri("/api/v1/fleet/export?format=csv")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        String text = webClient.get().uri("/api/v1/fleet/export?format=text")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        for (HostFindingsEvaluated report : reports) {
            String hostId = report.hostId();
            List<String> rows = csv.lines().filter(line -> line.startsWith(hostId + ",")).toList();
            assertThat(rows).as("CSV rows of host %s", hostId).hasSize(2);
            assertThat(rows.get(0)).as("first CSV row of host %s", hostId).contains(",5.5,");
            assertThat(text.split(Pattern.quote("(" + hostId + ")"), -1))
                    .as("text reports of host %s", hostId)
                    .hasSize(2);
        }
    }

    @Test
    void unsupportedFormatsNameSupportedOnes() {
        for (String format : new String[] {"xlsx", "pdf", ""}) {
            webClient.get().uri("/api/v1/fleet/export?format={format}", format)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.parameter").isEqualTo("format")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                            .as("detail for format '%s'", format)
                            .contains("Use one of text, csv, json, sarif, junit"));
        }
        webClient.get().uri("/api/v1/hosts/{hostId}/export?format=pdf", "any-host")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("Use one of text, csv, json, sarif, junit"));
    }

    @Test
    void unknownHostExportIsNotFound() {
        webClient.get().uri("/api/v1/hosts/{hostId}/export?format=csv", "no-such-host-export")
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void waivedFindingIsSuppressedInSarif() throws IOException {
        String hostId = newHostId("export-waived");
        // A container pattern covers every host, so the waived container's name is unique to this test.
        String accepted = "accepted-" + hostId;
        publish(report(hostId, 1,
                containerFinding("5.12", accepted, Status.WARN),
                containerFinding("5.12", "db", Status.WARN)));
        awaitAppliedSequence(hostId, 1);
        String waiver = "{\"checkId\": \"5.12\", \"containerPattern\": \"" + accepted + "\","
                + " \"reason\": \"accepted risk\","
                + " \"owner\": \"ops\", \"approver\": \"lead\", \"expiresAt\": \""
                + java.time.Instant.now().plus(Duration.ofDays(7)) + "\"}";
        webClient.post().uri("/api/v1/waivers")
                .header("X-Fleetbench-User", "ops-admin")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(waiver)
                .exchange()
                .expectStatus().isCreated();

        byte[] body = webClient.get().uri("/api/v1/hosts/{hostId}/export?format=sarif", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();

        List<String> suppressed = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (var result : EventCodec.mapper().readTree(body).at("/runs/0/results")) {
            String target = result.at("/locations/0/logicalLocations/0/name").asString();
            if (result.has("suppressions")) {
                assertThat(result.at("/suppressions/0/status").asString()).isEqualTo("accepted");
                assertThat(result.at("/suppressions/0/kind").asString()).isEqualTo("external");
                assertThat(result.at("/suppressions/0/justification").asString())
                        .matches("Accepted by Fleetbench waiver \\d+ \\(approved by lead, expires .+\\):"
                                + " accepted risk");
                suppressed.add(target);
            } else {
                open.add(target);
            }
        }
        assertThat(suppressed).containsExactly("container:" + accepted);
        assertThat(open).containsExactly("container:db");
        assertThat(sarifSchema().validate(new ObjectMapper().readTree(body))).isEmpty();
    }

    @Test
    void waivedWarnIsSkippedInJunit() throws Exception {
        String hostId = newHostId("export-junit-waived");
        // A container pattern covers every host, so the waived container's name is unique to this test.
        String accepted = "accepted-" + hostId;
        publish(report(hostId, 1,
                containerFinding("5.12", accepted, Status.WARN),
                containerFinding("5.12", "db", Status.WARN),
                containerFinding("5.25", accepted, Status.INFO)));
        awaitAppliedSequence(hostId, 1);
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);
        String waiver = "{\"checkId\": \"5.12\", \"containerPattern\": \"" + accepted + "\","
                + " \"reason\": \"accepted for the batch window\","
                + " \"owner\": \"ops\", \"approver\": \"lead\", \"expiresAt\": \"" + expiresAt + "\"}";
        byte[] created = webClient.post().uri("/api/v1/waivers")
                .header("X-Fleetbench-User", "ops-admin")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(waiver)
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        long waiverId = EventCodec.mapper().readTree(created).get("waiverId").asLong();
        String expectedMessage = "WARN waived: Accepted by Fleetbench waiver " + waiverId + " (approved by lead,"
                + " expires " + expiresAt + "): accepted for the batch window";

        String hostXml = webClient.get().uri("/api/v1/hosts/{hostId}/export?format=junit", hostId)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Element hostRoot = parseXml(hostXml);
        assertThat(hostRoot.getAttribute("tests")).isEqualTo("3");
        assertThat(hostRoot.getAttribute("failures")).isEqualTo("1");
        assertThat(hostRoot.getAttribute("skipped")).isEqualTo("2");
        assertWaivedCases(hostRoot, accepted, expectedMessage);

        String fleetXml = webClient.get().uri("/api/v1/fleet/export?format=junit")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        Element fleetSuite = suiteNamed(parseXml(fleetXml), "Host " + hostId + " (" + hostId + ")");
        assertThat(fleetSuite.getAttribute("tests")).isEqualTo("3");
        assertThat(fleetSuite.getAttribute("failures")).isEqualTo("1");
        assertThat(fleetSuite.getAttribute("skipped")).isEqualTo("2");
        assertWaivedCases(fleetSuite, accepted, expectedMessage);
    }

    /** Asserts that the 5.12 case of container {@code accepted} is skipped as waived and that of db still fails. */
    private static void assertWaivedCases(Element scope, String accepted, String expectedMessage) {
        Element waived = caseNamed(scope, "5.12 Recommendation 5.12 [container:" + accepted + "]");
        assertThat(waived.getElementsByTagName("failure").getLength()).isZero();
        Element skipped = (Element) waived.getElementsByTagName("skipped").item(0);
        assertThat(skipped).as("skipped element of the waived case").isNotNull();
        assertThat(skipped.getAttribute("message")).isEqualTo(expectedMessage);
        Element open = caseNamed(scope, "5.12 Recommendation 5.12 [container:db]");
        assertThat(open.getElementsByTagName("skipped").getLength()).isZero();
        assertThat(open.getElementsByTagName("failure").getLength()).isEqualTo(1);
        Element info = caseNamed(scope, "5.25 Recommendation 5.25 [container:" + accepted + "]");
        assertThat(((Element) info.getElementsByTagName("skipped").item(0)).getAttribute("message"))
                .startsWith("INFO: ");
    }

    private static Element parseXml(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static Element suiteNamed(Element root, String name) {
        NodeList suites = root.getElementsByTagName("testsuite");
        for (int index = 0; index < suites.getLength(); index++) {
            Element suite = (Element) suites.item(index);
            if (suite.getAttribute("name").equals(name)) {
                return suite;
            }
        }
        throw new AssertionError("no testsuite named '" + name + "'");
    }

    private static Element caseNamed(Element scope, String name) {
        NodeList cases = scope.getElementsByTagName("testcase");
        for (int index = 0; index < cases.getLength(); index++) {
            Element testCase = (Element) cases.item(index);
            if (testCase.getAttribute("name").equals(name)) {
                return testCase;
            }
        }
        throw new AssertionError("no testcase named '" + name + "'");
    }

    @Test
    void complianceViewCountsShiftedChecksOfNewerCatalogue() {
        long before = failingHosts("pci-dss-4.0", "10.2.1");
        String hostId = newHostId("compliance-1-8");
        HostFindingsEvaluated report = report(hostId, 1,
                new Finding("2.14", "Centralized and remote logging is configured", "Docker daemon configuration",
                        true, TargetKind.DAEMON, TargetKind.DAEMON.key("daemon"), null, Status.WARN,
                        "log-driver is json-file", null),
                new Finding("2.13", "An authorization plugin is used", "Docker daemon configuration", true,
                        TargetKind.DAEMON, TargetKind.DAEMON.key("daemon"), null, Status.PASS,
                        "authorization-plugins is set", null));
        publish(new HostFindingsEvaluated(report.schemaVersion(), report.eventId(), report.occurredAt(),
                report.host(), report.snapshotSequence(), report.snapshotEventId(), report.snapshotCollectedAt(),
                report.engineVersion(), report.benchmarkId(), "1.8.0", report.findings()));
        awaitAppliedSequence(hostId, 1);

        assertThat(failingHosts("pci-dss-4.0", "10.2.1"))
                .as("1.8.0's 2.14 is 1.6.0's 2.13, which PCI DSS 10.2.1 maps")
                .isEqualTo(before + 1);
    }

    private long failingHosts(String framework, String controlId) {
        byte[] body = webClient.get().uri("/api/v1/fleet/compliance/{framework}", framework)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        for (var control : EventCodec.mapper().readTree(body).get("controls")) {
            if (control.get("controlId").asString().equals(controlId)) {
                return control.get("failingHosts").asLong();
            }
        }
        throw new AssertionError("no control " + controlId + " in " + framework);
    }

    @Test
    void complianceViewCountsMappedChecks() {
        publishGoldenHost("export-compliance");

        webClient.get().uri("/api/v1/fleet/compliance/pci-dss-4.0")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.framework").isEqualTo("pci-dss-4.0")
                .jsonPath("$.benchmarkVersion").isEqualTo("1.6.0")
                .jsonPath("$.disclaimer").value(text -> assertThat((String) text).contains("own interpretation"))
                .jsonPath("$.controls[?(@.controlId == '1.3.1')].status").isEqualTo("FAILING")
                .jsonPath("$.controls[?(@.controlId == '8.6.2')].checks[0]").isEqualTo("FB.1");
        webClient.get().uri("/api/v1/fleet/compliance/soc2").exchange().expectStatus().isOk();
        webClient.get().uri("/api/v1/fleet/compliance/nist-800-190").exchange().expectStatus().isOk();
        webClient.get().uri("/api/v1/fleet/compliance/iso-27001")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("pci-dss-4.0, soc2, nist-800-190"));
    }

    /** Publishes three findings whose text exercises quoting and formula escaping, and waits for them. */
    private String publishGoldenHost(String purpose) {
        String hostId = newHostId(purpose);
        Finding memory = new Finding("5.10", "Limit memory, \"always\"", "Container Runtime", true,
                TargetKind.CONTAINER, "container:web", "id-web", Status.WARN,
                "=HYPERLINK(\"http://example.invalid\") in Memory", "Set --memory");
        Finding privileged = new Finding("5.5", "No privileged containers", "Container Runtime", true,
                TargetKind.CONTAINER, "container:-db", null, Status.PASS, "HostConfig.Privileged is false", null);
        Finding userland = new Finding("2.16", "Disable the userland proxy", "Docker daemon configuration", true,
                TargetKind.DAEMON, "daemon", null, Status.WARN, "userland-proxy is true\nby default",
                "Set \"userland-proxy\": false");
        HostFindingsEvaluated random = report(hostId, 1, memory, privileged, userland);
        // Fixed event ids, so the golden files depend on the host id alone.
        publish(new HostFindingsEvaluated(random.schemaVersion(), "report-" + hostId, random.occurredAt(),
                random.host(), random.snapshotSequence(), "snapshot-" + hostId, random.snapshotCollectedAt(),
                random.engineVersion(), random.benchmarkId(), random.benchmarkVersion(), random.findings()));
        awaitAppliedSequence(hostId, 1);
        return hostId;
    }

    /**
     * Loads the SARIF 2.1.0 JSON schema (draft 04) in its final release-candidate form {@code sarif-2.1.0-rtm.5},
     * the same file that standalone's {@code SarifSchemaTests} validates the audit command's SARIF against.
     */
    private static JsonSchema sarifSchema() throws IOException {
        String resource = "/export/sarif-schema-2.1.0-rtm.5.json";
        try (InputStream input = ExportIntegrationTests.class.getResourceAsStream(resource)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(input);
        }
    }

    private static String golden(String name) {
        try (InputStream in = ExportIntegrationTests.class.getResourceAsStream("/export/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
