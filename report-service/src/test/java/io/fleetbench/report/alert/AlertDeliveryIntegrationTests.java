package io.fleetbench.report.alert;

import static io.fleetbench.report.store.jooq.Tables.ALERT_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Status;
import io.fleetbench.report.IntegrationTestSupport;
import io.fleetbench.report.store.FindingCounts;
import io.fleetbench.report.store.ReportStore;
import io.r2dbc.spi.ConnectionFactory;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Delivers outbox alerts to receivers that the tests start on loopback: an HTTP server that fails the first
 * request, and UDP and TCP syslog sockets. The dispatcher and the store under test are built by each test with
 * its own alert settings and share the context's database.
 */
class AlertDeliveryIntegrationTests extends IntegrationTestSupport {

    private static final String SECRET = "test-secret-for-hmac";

    @Autowired
    private ConnectionFactory connectionFactory;

    @Autowired
    private DSLContext dsl;

    @Autowired
    private FindingCounts counts;

    @Test
    void webhookIsSignedAndRetriedAfterFailure() throws IOException {
        List<Request> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Request(exchange.getRequestHeaders().getFirst("X-Fleetbench-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Fleetbench-Event"), body));
            int status = calls.incrementAndGet() == 1 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            AlertSettings properties = settings(new AlertSettings.Webhook(url, SECRET, Duration.ofSeconds(5)),
                    new AlertSettings.Syslog(null, 514, AlertSettings.SyslogProtocol.UDP, 16));
            String hostId = newHostId("alert-webhook");
            applyWithAlerts(properties, report(hostId, 1,
                    containerFinding("5.4", "web", Status.WARN),
                    containerFinding("5.5", "web", Status.PASS)));

            AlertDispatcher dispatcher = new AlertDispatcher(dsl, properties, Clock.systemUTC());
            await("webhook delivery after one failure").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> dispatcher.deliverDue().block(Duration.ofSeconds(10)) > 0);

            assertThat(received).hasSize(2);
            Request delivered = received.get(1);
            assertThat(delivered.signature()).isEqualTo("sha256=" + hmac(delivered.body()));
            assertThat(received.get(0).signature()).isEqualTo(delivered.signature());
            assertThat(delivered.event()).isEqualTo("finding_opened");
            JsonNode body = EventCodec.mapper().readTree(delivered.body());
            assertThat(body.get("hostId").asString()).isEqualTo(hostId);
            assertThat(body.get("findings")).hasSize(1);
            assertThat(body.get("findings").get(0).get("checkId").asString()).isEqualTo("5.4");
            assertThat(count(dsl.selectCount().from(ALERT_OUTBOX).where(ALERT_OUTBOX.HOST_ID.eq(hostId))))
                    .as("outbox rows left after delivery")
                    .isZero();
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void syslogUdpMessageFollowsRfc5424() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(10_000);
            AlertSettings properties = settings(new AlertSettings.Webhook(null, null, Duration.ofSeconds(5)),
                    new AlertSettings.Syslog("127.0.0.1", socket.getLocalPort(), AlertSettings.SyslogProtocol.UDP,
                            16));
            String hostId = newHostId("alert-udp");
            applyWithAlerts(properties, report(hostId, 1, containerFinding("5.12", "api", Status.WARN)));

            new AlertDispatcher(dsl, properties, Clock.systemUTC()).deliverDue().block(Duration.ofSeconds(10));

            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            socket.receive(packet);
            String message = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertThat(message).matches("<132>1 \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z \\S+ fleetbench - "
                    + "finding_opened \\[fleetbench@32473 alertId=\"\\d+\" event=\"finding_opened\" hostId=\""
                    + hostId + "\"] \\{.*\\}");
            assertThat(message).contains("\"checkId\":\"5.12\"");
        }
    }

    @Test
    void syslogTcpUsesOctetCounting() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            AlertSettings properties = settings(new AlertSettings.Webhook(null, null, Duration.ofSeconds(5)),
                    new AlertSettings.Syslog("127.0.0.1", server.getLocalPort(), AlertSettings.SyslogProtocol.TCP,
                            4));
            String hostId = newHostId("alert-tcp");
            applyWithAlerts(properties, report(hostId, 1, containerFinding("5.14", "api", Status.WARN)));

            AlertDispatcher dispatcher = new AlertDispatcher(dsl, properties, Clock.systemUTC());
            await("syslog delivery over TCP").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> dispatcher.deliverDue().block(Duration.ofSeconds(10)) > 0);

            try (Socket connection = server.accept()) {
                byte[] frame = connection.getInputStream().readAllBytes();
                String text = new String(frame, StandardCharsets.UTF_8);
                int space = text.indexOf(' ');
                int length = Integer.parseInt(text.substring(0, space));
                byte[] message = java.util.Arrays.copyOfRange(frame, space + 1, frame.length);
                assertThat(message).hasSize(length);
                assertThat(new String(message, StandardCharsets.UTF_8)).startsWith("<36>1 ").contains(hostId);
            }
        }
    }

    @Test
    void backoffDoublesUpToMaximum() {
        AlertSettings settings = new AlertSettings(Duration.ofSeconds(1), 10, 8, Duration.ofSeconds(2),
                Duration.ofSeconds(10), new AlertSettings.Webhook(null, null, Duration.ofSeconds(5)),
                new AlertSettings.Syslog(null, 514, AlertSettings.SyslogProtocol.UDP, 16));
        AlertDispatcher dispatcher = new AlertDispatcher(dsl, settings, Clock.systemUTC());

        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(dispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(dispatcher.backoff(60)).isEqualTo(Duration.ofSeconds(10));
    }

    /** Applies {@code report} through a store that keeps the counts and writes alerts with {@code settings}. */
    private void applyWithAlerts(AlertSettings settings, HostFindingsEvaluated report) {
        AlertIngestHook hook = new AlertIngestHook(new AlertOutbox(settings), Clock.systemUTC());
        new ReportStore(connectionFactory, dsl, List.of(counts, hook)).apply(report).block(Duration.ofSeconds(10));
    }

    /** Returns settings with retries 1 ms apart, so a test retries at once. */
    private static AlertSettings settings(AlertSettings.Webhook webhook, AlertSettings.Syslog syslog) {
        return new AlertSettings(Duration.ofSeconds(1), 50, 5, Duration.ofMillis(1), Duration.ofMillis(10), webhook,
                syslog);
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(org.jooq.Select<org.jooq.Record1<Integer>> count) {
        return reactor.core.publisher.Mono.from(count).block(Duration.ofSeconds(10)).value1();
    }

    private record Request(String signature, String event, byte[] body) {
    }
}
