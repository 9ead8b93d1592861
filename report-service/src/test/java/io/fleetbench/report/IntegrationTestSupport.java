package io.fleetbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.embedded.EmbeddedPostgresServer;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.Topics;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.report.query.HostIdentity;
import io.fleetbench.report.query.HostReport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests: one Spring context for all of them, against the JVM's shared embedded Kafka
 * broker and PostgreSQL server. Tests stay independent by using host ids of their own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=" + ReportServiceApplication.CONFIG_NAME)
@AutoConfigureWebTestClient
public abstract class IntegrationTestSupport {

    protected static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    private static final String DATABASE = "report_test";
    private static final Instant BASE_TIME = Instant.parse("2026-01-05T10:00:00Z");

    private static KafkaProducer<String, byte[]> producer;

    protected WebTestClient webClient;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.shared();
        String jdbcUrl = postgres.createDatabase(DATABASE);
        registry.add("spring.r2dbc.url", () -> postgres.r2dbcUrl(DATABASE));
        registry.add("spring.r2dbc.username", () -> EmbeddedPostgresServer.USER);
        registry.add("spring.r2dbc.password", () -> "");
        registry.add("spring.flyway.url", () -> jdbcUrl);
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> EmbeddedKafkaBroker.shared().bootstrapServers());
    }

    /**
     * Raises the client's 256 KiB decoding limit, which the report of a host with a thousand findings exceeds, and its
     * 5 s response timeout, which a loaded 2-core machine exceeds while the first requests warm up the context.
     */
    @Autowired
    void configureWebClient(WebTestClient client) {
        this.webClient = client.mutate()
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Returns a host id that no other test uses. */
    protected static String newHostId(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Builds a report of {@code hostId} at {@code sequence}, collected {@code sequence} minutes after a fixed time. */
    protected static HostFindingsEvaluated report(String hostId, long sequence, Finding... findings) {
        Instant collectedAt = collectedAt(sequence);
        return new HostFindingsEvaluated(
                HostFindingsEvaluated.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                collectedAt.plusSeconds(2),
                new HostDescriptor(hostId, "Host " + hostId, Map.of("env", "test", "team", "platform"), "0.1.0"),
                sequence,
                UUID.randomUUID().toString(),
                collectedAt,
                "20.10.24",
                "cis-docker",
                "1.6.0",
                List.of(findings));
    }

    /** Returns the collection time that {@link #report} gives to {@code sequence}. */
    protected static Instant collectedAt(long sequence) {
        return BASE_TIME.plus(sequence, ChronoUnit.MINUTES);
    }

    /** Builds a finding about container {@code containerName}. */
    protected static Finding containerFinding(String checkId, String containerName, Status status) {
        return new Finding(checkId, "Recommendation " + checkId, "Container Runtime", true, TargetKind.CONTAINER,
                TargetKind.CONTAINER.key(containerName), "id-" + containerName, status,
                "Observed " + status + " for " + checkId + " on " + containerName,
                status == Status.WARN ? "Change the container's settings" : null);
    }

    /** Sends {@code report} to the audit-reports topic, keyed by its host id, and waits for the broker's ack. */
    protected static void publish(HostFindingsEvaluated report) {
        publishRaw(report.hostId(), EventCodec.encode(report));
    }

    /** Sends raw bytes to the audit-reports topic and waits for the broker's ack. */
    protected static void publishRaw(String key, byte[] value) {
        publishRaw(Topics.AUDIT_REPORTS, key, value);
    }

    /** Sends {@code snapshot} to the host-snapshots topic, keyed by its host id, and waits for the broker's ack. */
    protected static void publishSnapshot(HostSnapshotCollected snapshot) {
        publishRaw(Topics.HOST_SNAPSHOTS, snapshot.hostId(), EventCodec.encode(snapshot));
    }

    /** Sends raw bytes to {@code topic} and waits for the broker's ack. */
    protected static void publishRaw(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Failed to send to " + topic, e);
        }
    }

    /** Waits until the API shows {@code sequence} as the host's last applied snapshot sequence, and returns it. */
    protected HostReport awaitAppliedSequence(String hostId, long sequence) {
        return await("report of host " + hostId + " at snapshot sequence " + sequence)
                .atMost(APPLY_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> fetchReportOrNull(hostId),
                        report -> report != null && report.snapshotSequence() == sequence);
    }

    /** Waits until the host's identity shows {@code sequence} as its newest stored snapshot, and returns it. */
    protected HostIdentity awaitSnapshot(String hostId, long sequence) {
        return await("snapshot of host " + hostId + " at sequence " + sequence)
                .atMost(APPLY_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> fetchIdentityOrNull(hostId),
                        identity -> identity != null && identity.lastSnapshotSequence() == sequence);
    }

    /** Reads a host's identity facts through the API, or returns {@code null} while it has no snapshot (404). */
    private HostIdentity fetchIdentityOrNull(String hostId) {
        FluxExchangeResult<HostIdentity> result = webClient.get()
                .uri("/api/v1/hosts/{hostId}/identity", hostId)
                .exchange()
                .returnResult(HostIdentity.class);
        if (result.getStatus().value() == HttpStatus.NOT_FOUND.value()) {
            return null;
        }
        assertThat(result.getStatus().value())
                .as("status of the identity of host %s", hostId)
                .isEqualTo(HttpStatus.OK.value());
        return result.getResponseBody().blockFirst(Duration.ofSeconds(10));
    }

    /** Reads a host's current report through the API, or returns {@code null} while the host is unknown (404). */
    private HostReport fetchReportOrNull(String hostId) {
        FluxExchangeResult<HostReport> result = webClient.get()
                .uri("/api/v1/hosts/{hostId}/report", hostId)
                .exchange()
                .returnResult(HostReport.class);
        if (result.getStatus().value() == HttpStatus.NOT_FOUND.value()) {
            return null;
        }
        assertThat(result.getStatus().value())
                .as("status of the report of host %s", hostId)
                .isEqualTo(HttpStatus.OK.value());
        return result.getResponseBody().blockFirst(Duration.ofSeconds(10));
    }

    /**
     * A list response of the API, read back in tests.
     *
     * @param items the page's items
     * @param nextCursor the cursor of the next page, or {@code null} on the last page
     */
    protected record Page<T>(List<T> items, String nextCursor) {
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.shared().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new ByteArraySerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "report-test-producer-shutdown"));
        }
        return producer;
    }
}
