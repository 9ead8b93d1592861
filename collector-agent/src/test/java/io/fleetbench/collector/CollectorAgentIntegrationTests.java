package io.fleetbench.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.fleetbench.collector.engine.DockerClientFactory;
import io.fleetbench.collector.redaction.SecretDetector;
import io.fleetbench.collector.support.DockerEngineCondition;
import io.fleetbench.collector.support.EnabledIfDockerEngine;
import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.EnvVariable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the agent against the real engine and an in-process Kafka broker, with a container that carries a planted
 * secret in its environment and in a label, and reads the published records back from Kafka.
 */
@EnabledIfDockerEngine
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {
        "spring.config.name=" + CollectorApplication.CONFIG_NAME,
        "fleetbench.collector.resync-interval=1s",
        "fleetbench.collector.topic=" + CollectorAgentIntegrationTests.TOPIC,
        "fleetbench.collector.runtime-event-topic=" + CollectorAgentIntegrationTests.EVENT_TOPIC,
        "fleetbench.collector.labels.environment=test",
        "logging.level.io.fleetbench=DEBUG"})
class CollectorAgentIntegrationTests {

    static final String TOPIC = "collector-it.host-snapshots";
    static final String EVENT_TOPIC = "collector-it.runtime-events";

    private static final String IMAGE = "local/busybox:1";
    private static final String CONTAINER_NAME = "collector-it-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PLANTED_ENV_SECRET = "planted-env-" + UUID.randomUUID();
    private static final String PLANTED_LABEL_SECRET = "planted-label-" + UUID.randomUUID();
    private static final Path STATE_DIR = temporaryFolder();

    private static DockerClient docker;
    private static String containerId;

    @Autowired
    CollectorProperties properties;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> EmbeddedKafkaBroker.shared().bootstrapServers());
        registry.add("fleetbench.collector.state-dir", STATE_DIR::toString);
    }

    @BeforeAll
    static void startSecretContainer() {
        docker = DockerClientFactory.create(URI.create("unix://" + DockerEngineCondition.SOCKET), Duration.ofSeconds(30));
        containerId = docker.createContainerCmd(IMAGE)
                .withName(CONTAINER_NAME)
                .withCmd("/bin/sleep", "600")
                .withEnv("DB_PASSWORD=" + PLANTED_ENV_SECRET, "API_TOKEN_FILE=/run/secrets/token", "PLAIN=hello")
                .withLabels(Map.of("com.example.api-token", PLANTED_LABEL_SECRET, "com.example.team", "payments"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                .exec()
                .getId();
        docker.startContainerCmd(containerId).exec();
    }

    @AfterAll
    static void removeSecretContainer() throws IOException {
        if (docker != null) {
            if (containerId != null) {
                docker.removeContainerCmd(containerId).withForce(true).exec();
            }
            docker.close();
        }
    }

    @Test
    void publishesSecretFreeSnapshotToKafka(CapturedOutput output) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.stream().anyMatch(record -> containerIn(record).isPresent());
            });
        }

        ConsumerRecord<String, byte[]> record = records.stream()
                .filter(candidate -> containerIn(candidate).isPresent())
                .findFirst()
                .orElseThrow();
        HostSnapshotCollected snapshot = EventCodec.decodeSnapshot(record.value());
        ContainerFacts container = containerIn(record).orElseThrow();

        assertThat(record.key()).isEqualTo(snapshot.hostId());
        assertThat(snapshot.hostId()).isEqualTo(storedHostId());
        assertThat(snapshot.host().labels()).containsEntry("environment", "test");
        assertThat(snapshot.host().name()).isNotBlank();
        assertThat(snapshot.engine().apiVersion()).isNotBlank();
        assertThat(container.id()).isEqualTo(containerId);
        assertThat(container.running()).isTrue();
        assertThat(container.networkMode()).isEqualTo("none");
        assertThat(container.env()).contains(
                new EnvVariable("DB_PASSWORD", true, "name contains PASSWORD", false),
                new EnvVariable("API_TOKEN_FILE", false, null, true),
                new EnvVariable("PLAIN", false, null, false));
        assertThat(container.labels())
                .containsEntry("com.example.api-token", SecretDetector.REDACTED)
                .containsEntry("com.example.team", "payments");

        for (ConsumerRecord<String, byte[]> published : records) {
            assertThat(containsPlantedSecret(published.value())).as("record value at offset %d", published.offset())
                    .isFalse();
            assertThat(containsPlantedSecret(published.key().getBytes(StandardCharsets.UTF_8))).isFalse();
            for (Header header : published.headers()) {
                assertThat(containsPlantedSecret(header.value())).as("header %s", header.key()).isFalse();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("Spooled snapshot"));
        assertThat(output.getAll()).contains(snapshot.hostId());
        assertThat(output.getAll()).doesNotContain(PLANTED_ENV_SECRET).doesNotContain(PLANTED_LABEL_SECRET);
    }

    @Test
    void sequenceIncreasesPerSnapshot() {
        List<Long> sequences = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(record -> sequences.add(EventCodec.decodeSnapshot(record.value()).sequence()));
                return sequences.size() >= 3;
            });
        }

        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        assertThat(properties.stateDirPath().resolve("sequence")).exists();
    }

    private static Optional<ContainerFacts> containerIn(ConsumerRecord<String, byte[]> record) {
        return EventCodec.decodeSnapshot(record.value()).containers().stream()
                .filter(container -> container.name().equals(CONTAINER_NAME))
                .findFirst();
    }

    private static boolean containsPlantedSecret(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.contains(PLANTED_ENV_SECRET) || text.contains(PLANTED_LABEL_SECRET);
    }

    private static String storedHostId() {
        try {
            Properties stored = new Properties();
            stored.load(Files.newBufferedReader(STATE_DIR.resolve("host-id.properties")));
            return stored.getProperty("host-id");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaBroker.shared().bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "collector-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    /** Creates the state folder under the build folder, because the agent keeps writing to it until the JVM exits. */
    private static Path temporaryFolder() {
        try {
            Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(Path.of("target"), "collector-it-state-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
