package io.fleetbench.collector.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.collector.spool.DiskSpool;
import io.fleetbench.model.event.RuntimeEventObserved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Spools snapshots and runtime events and sends them to the shared in-process broker with {@link SpoolDrainer}. */
@ExtendWith(OutputCaptureExtension.class)
class RecordPublisherIntegrationTests {

    private static final long SPOOL_BYTES = 64L * 1024 * 1024;

    private final HostSnapshotCollected snapshot = EngineFixtures.snapshot(EngineFixtures.MIXED);

    @TempDir
    Path spoolDir;

    @Test
    void spooledRecordsArriveInOrder() {
        String snapshotTopic = "publisher-it-" + UUID.randomUUID();
        String eventTopic = snapshotTopic + ".events";
        KafkaTemplate<String, byte[]> template = template(EmbeddedKafkaBroker.shared().bootstrapServers());
        DiskSpool spool = DiskSpool.open(spoolDir, SPOOL_BYTES);
        SpoolDrainer drainer = new SpoolDrainer(spool, template, Duration.ofSeconds(30), Duration.ofSeconds(1));
        try {
            RecordPublisher publisher = new RecordPublisher(spool, snapshotTopic, eventTopic);
            RuntimeEventObserved event = new RuntimeEventObserved(RuntimeEventObserved.SCHEMA_VERSION, "evt-1",
                    Instant.parse("2026-12-04T10:00:00Z"), EngineFixtures.HOST, "start", "container", "web", "c0ffee",
                    null, null, null);

            assertThat(publisher.publish(event)).isTrue();
            assertThat(publisher.publish(snapshot)).isTrue();
            drainer.start();

            ConsumerRecord<String, byte[]> record = readOne(snapshotTopic);
            assertThat(record.key()).isEqualTo(EngineFixtures.HOST.id());
            assertThat(EventCodec.decodeSnapshot(record.value()).eventId()).isEqualTo(snapshot.eventId());
            ConsumerRecord<String, byte[]> eventRecord = readOne(eventTopic);
            assertThat(eventRecord.key()).isEqualTo(EngineFixtures.HOST.id());
            assertThat(EventCodec.decodeRuntimeEvent(eventRecord.value())).isEqualTo(event);
            await().atMost(Duration.ofSeconds(10)).until(() -> spool.pendingCount() == 0);
        } finally {
            drainer.stop();
            spool.close();
            template.getProducerFactory().reset();
        }
    }

    @Test
    void unreachableBrokerKeepsRecordsSpooled(CapturedOutput output) throws IOException {
        KafkaTemplate<String, byte[]> template = template("127.0.0.1:1");
        DiskSpool spool = DiskSpool.open(spoolDir, SPOOL_BYTES);
        SpoolDrainer drainer = new SpoolDrainer(spool, template, Duration.ofSeconds(1), Duration.ofSeconds(1));
        try {
            assertThat(new RecordPublisher(spool, "publisher-it-unreachable", "publisher-it-unreachable.events")
                    .publish(snapshot)).isTrue();
            drainer.start();

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> output.getAll().contains("it stays spooled")
                            || output.getAll().contains("has not acknowledged spooled record"));
            drainer.stop();
            assertThat(spool.pendingCount()).isEqualTo(1);
        } finally {
            drainer.stop();
            spool.close();
            template.getProducerFactory().reset();
        }

        try (DiskSpool reopened = DiskSpool.open(spoolDir, SPOOL_BYTES)) {
            assertThat(reopened.pendingCount()).isEqualTo(1);
        }
        try (var files = Files.list(spoolDir)) {
            assertThat(files.map(file -> file.getFileName().toString())).anyMatch(name -> name.startsWith("segment-"));
        }
    }

    @Test
    void oversizedSnapshotIsNotSpooled(CapturedOutput output) {
        ContainerFacts base = snapshot.containers().get(0);
        String large = "x".repeat(EventCodec.MAX_RECORD_BYTES);
        ContainerFacts oversized = new ContainerFacts(base.id(), base.name(), base.image(), base.imageId(),
                base.created(), base.state(), base.running(), base.user(), base.privileged(), base.networkMode(),
                base.pidMode(), base.ipcMode(), base.utsMode(), base.usernsMode(), base.cgroupnsMode(),
                base.readonlyRootfs(), base.capAdd(), base.capDrop(), base.securityOpt(), base.memoryBytes(),
                base.cpuShares(), base.nanoCpus(), base.pidsLimit(), base.mounts(), base.ports(), base.env(),
                Map.of("com.example.note", large), base.restartPolicy(), base.restartMaxRetries(),
                base.healthcheckConfigured(), base.apparmorProfile(), base.cgroupParent(), base.devices(),
                base.networks(), base.logDriver());
        HostSnapshotCollected tooLarge = new HostSnapshotCollected(snapshot.schemaVersion(), snapshot.eventId(),
                snapshot.occurredAt(), snapshot.host(), snapshot.sequence(), snapshot.trigger(), snapshot.engine(),
                snapshot.daemon(), List.of(oversized), snapshot.images(), snapshot.networks());
        try (DiskSpool spool = DiskSpool.open(spoolDir, SPOOL_BYTES)) {
            boolean published = new RecordPublisher(spool, "publisher-it-large", "publisher-it-large.events")
                    .publish(tooLarge);

            assertThat(published).isFalse();
            assertThat(spool.pendingCount()).isZero();
            assertThat(output.getAll()).contains("more than the maximum of " + EventCodec.MAX_RECORD_BYTES);
        }
    }

    private static KafkaTemplate<String, byte[]> template(String bootstrapServers) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    private static ConsumerRecord<String, byte[]> readOne(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "publisher-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return !records.isEmpty();
            });
        }
        return records.get(0);
    }
}
