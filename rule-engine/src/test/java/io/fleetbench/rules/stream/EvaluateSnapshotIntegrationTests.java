package io.fleetbench.rules.stream;

import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.Topics;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import io.fleetbench.rules.stream.KafkaTestClient.RecordReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EvaluateSnapshotIntegrationTests extends RuleEngineIntegrationTest {

    @Autowired
    private AuditEvaluator evaluator;

    @Test
    void publishesOneReportKeyedByHost() throws Exception {
        String hostId = "it-host-" + UUID.randomUUID();
        HostSnapshotCollected sent = snapshot().hostId(hostId).sequence(7)
                .containers(container("web"), container("admin").privileged(),
                        container("old").privileged().stopped("exited"))
                .build();

        try (RecordReader reports = kafka().reader(Topics.AUDIT_REPORTS)) {
            kafka().send(Topics.HOST_SNAPSHOTS, hostId, EventCodec.encode(sent));

            List<ConsumerRecord<byte[], byte[]>> received = await().atMost(Duration.ofSeconds(60))
                    .until(() -> reports.poll(KafkaTestClient.keyed(hostId)), records -> !records.isEmpty());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> reports.poll(KafkaTestClient.keyed(hostId)).size(), size -> size == 1);

            HostFindingsEvaluated report = EventCodec.decodeFindings(received.get(0).value());
            assertThat(new String(received.get(0).key(), StandardCharsets.UTF_8)).isEqualTo(hostId);
            assertThat(report.hostId()).isEqualTo(hostId);
            assertThat(report.snapshotSequence()).isEqualTo(7);
            assertThat(report.snapshotEventId()).isEqualTo(sent.eventId());
            assertThat(report.benchmarkVersion()).isEqualTo("1.8.0");
            assertThat(report.findings())
                    .filteredOn(finding -> finding.checkId().equals("5.5"))
                    .extracting(Finding::targetKey, Finding::status)
                    .containsExactly(
                            tuple("container:web", Status.PASS),
                            tuple("container:admin", Status.WARN),
                            tuple("container:old", Status.WARN));
        }
    }

    @Test
    void evaluatesCapturedEngineSnapshot() throws Exception {
        HostSnapshotCollected captured = EngineFixtures.snapshot(EngineFixtures.MIXED, EngineFixtures.HARDENED_DAEMON_JSON);
        String hostId = captured.hostId();

        try (RecordReader reports = kafka().reader(Topics.AUDIT_REPORTS)) {
            kafka().send(Topics.HOST_SNAPSHOTS, hostId, EventCodec.encode(captured));

            List<ConsumerRecord<byte[], byte[]>> received = await().atMost(Duration.ofSeconds(60))
                    .until(() -> reports.poll(KafkaTestClient.keyed(hostId)), records -> !records.isEmpty());

            HostFindingsEvaluated report = EventCodec.decodeFindings(received.get(0).value());
            assertThat(report.snapshotEventId()).isEqualTo(captured.eventId());
            assertThat(report.findings()).isEqualTo(evaluator.evaluate(captured).findings());
            assertThat(report.countByStatus().get(Status.WARN)).isPositive();
            String json = new String(received.get(0).value(), StandardCharsets.UTF_8);
            for (String secret : EngineFixtures.PLANTED_SECRETS) {
                assertThat(json).doesNotContain(secret);
            }
        }
    }
}
