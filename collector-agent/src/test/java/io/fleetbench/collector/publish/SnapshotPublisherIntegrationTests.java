package io.fleetbench.collector.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import java.time.Duration;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

@ExtendWith(OutputCaptureExtension.class)
class SnapshotPublisherIntegrationTests {

    private final HostSnapshotCollected snapshot = EngineFixtures.snapshot(EngineFixtures.MIXED);

    @Test
    void publishedRecordIsKeyedByHostId() {
        String topic = "publisher-it-" + UUID.randomUUID();
        KafkaTemplate<String, byte[]> template = template(EmbeddedKafkaBroker.shared().bootstrapServers());
        try {
            boolean published = new SnapshotPublisher(template, topic, Duration.ofSeconds(30)).publish(snapshot);

            assertThat(published).isTrue();
            ConsumerRecord<String, byte[]> record = readOne(topic);
            assertThat(record.key()).isEqualTo(EngineFixtures.HOST.id());
            assertThat(EventCodec.decodeSnapshot(record.value()).eventId()).isEqualTo(snapshot.eventId());
        } finally {
            template.getProducerFactory().reset();
        }
    }

    @Test
    void unreachableBrokerReturnsFalse(CapturedOutput output) {
        KafkaTemplate<String, byte[]> template = template("127.0.0.1:1");
        try {
            boolean published = new SnapshotPublisher(template, "publisher-it-unreachable", Duration.ofSeconds(2))
                    .publish(snapshot);

            assertThat(published).isFalse();
            assertThat(output.getAll()).contains("snapshot 1 of host fixture-host (event " + snapshot.eventId());
        } finally {
            template.getProducerFactory().reset();
        }
    }

    @Test
    void oversizedSnapshotIsNotSent(CapturedOutput output) {
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
        String topic = "publisher-it-" + UUID.randomUUID();
        KafkaTemplate<String, byte[]> template = template(EmbeddedKafkaBroker.shared().bootstrapServers());
        try {
            boolean published = new SnapshotPublisher(template, topic, Duration.ofSeconds(30)).publish(tooLarge);

            assertThat(published).isFalse();
            assertThat(output.getAll()).contains("more than the maximum of " + EventCodec.MAX_RECORD_BYTES);
        } finally {
            template.getProducerFactory().reset();
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
