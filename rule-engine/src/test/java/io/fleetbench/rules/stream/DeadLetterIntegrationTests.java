package io.fleetbench.rules.stream;

import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.InvalidEventException;
import io.fleetbench.model.event.Topics;
import io.fleetbench.rules.stream.KafkaTestClient.RecordReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;

@ExtendWith(OutputCaptureExtension.class)
class DeadLetterIntegrationTests extends RuleEngineIntegrationTest {

    private static final String DEAD_LETTER_TOPIC = "fleetbench.host-snapshots.v1.dlq";

    @Autowired
    private BindingServiceProperties bindings;

    @Test
    void deadLettersInvalidRecordsThenContinues(CapturedOutput output) throws Exception {
        String garbageKey = "garbage-" + UUID.randomUUID();
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        String futureKey = "future-" + UUID.randomUUID();
        String currentJson = new String(EventCodec.encode(snapshot().hostId(futureKey).build()), StandardCharsets.UTF_8);
        byte[] future = currentJson.replaceFirst("\"schemaVersion\":1", "\"schemaVersion\":99")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(new String(future, StandardCharsets.UTF_8)).contains("\"schemaVersion\":99");
        String validHost = "after-dlq-" + UUID.randomUUID();
        HostSnapshotCollected valid = snapshot().hostId(validHost).containers(container("web")).build();

        try (RecordReader deadLetters = kafka().reader(DEAD_LETTER_TOPIC);
                RecordReader reports = kafka().reader(Topics.AUDIT_REPORTS)) {
            kafka().send(Topics.HOST_SNAPSHOTS, garbageKey, garbage);
            kafka().send(Topics.HOST_SNAPSHOTS, futureKey, future);
            kafka().send(Topics.HOST_SNAPSHOTS, validHost, EventCodec.encode(valid));

            ConsumerRecord<byte[], byte[]> garbageRecord = awaitOne(deadLetters, garbageKey);
            assertThat(garbageRecord.value()).isEqualTo(garbage);
            assertThat(header(garbageRecord, "x-original-topic")).isEqualTo(Topics.HOST_SNAPSHOTS);
            assertThat(header(garbageRecord, "x-exception-message"))
                    .contains("HostSnapshotCollected record is not valid JSON");
            assertThat(header(garbageRecord, "x-exception-stacktrace"))
                    .contains(InvalidEventException.class.getName());

            ConsumerRecord<byte[], byte[]> futureRecord = awaitOne(deadLetters, futureKey);
            assertThat(futureRecord.value()).isEqualTo(future);
            assertThat(header(futureRecord, "x-exception-message"))
                    .contains("HostSnapshotCollected schemaVersion 99 is not supported");

            ConsumerRecord<byte[], byte[]> report = awaitOne(reports, validHost);
            HostFindingsEvaluated decoded = EventCodec.decodeFindings(report.value());
            assertThat(decoded.snapshotEventId()).isEqualTo(valid.eventId());

            assertThat(reports.poll(KafkaTestClient.keyed(garbageKey))).isEmpty();
            assertThat(reports.poll(KafkaTestClient.keyed(futureKey))).isEmpty();
        }
        assertThat(occurrences(output.getAll(), "with key " + garbageKey + ":"))
                .as("decoding attempts of the garbage record").isEqualTo(1);
        assertThat(occurrences(output.getAll(), "with key " + futureKey + ":"))
                .as("decoding attempts of the schemaVersion 99 record").isEqualTo(1);
    }

    @Test
    void inputBindingDeadLettersWithoutRetry() {
        ConsumerProperties consumer = bindings.getConsumerProperties("evaluateSnapshot-in-0");

        assertThat(bindings.getBindingDestination("evaluateSnapshot-in-0")).isEqualTo(Topics.HOST_SNAPSHOTS);
        assertThat(bindings.getGroup("evaluateSnapshot-in-0")).isEqualTo("rule-engine");
        assertThat(bindings.getBindingDestination("evaluateSnapshot-out-0")).isEqualTo(Topics.AUDIT_REPORTS);
        assertThat(consumer.getRetryableExceptions()).containsEntry(InvalidEventException.class, false);
        assertThat(Topics.deadLetter(Topics.HOST_SNAPSHOTS)).isEqualTo(DEAD_LETTER_TOPIC);
    }

    private static ConsumerRecord<byte[], byte[]> awaitOne(RecordReader reader, String key) {
        List<ConsumerRecord<byte[], byte[]>> records = await().atMost(Duration.ofSeconds(60))
                .until(() -> reader.poll(KafkaTestClient.keyed(key)), found -> !found.isEmpty());
        assertThat(records).as("records keyed %s", key).hasSize(1);
        return records.get(0);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int occurrences(String text, String fragment) {
        int count = 0;
        for (int index = text.indexOf(fragment); index >= 0; index = text.indexOf(fragment, index + 1)) {
            count++;
        }
        return count;
    }
}
