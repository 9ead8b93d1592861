package io.fleetbench.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.collector.spool.DiskSpool;
import io.fleetbench.collector.support.AgentRunner;
import io.fleetbench.collector.support.EnabledIfPrivateEngines;
import io.fleetbench.collector.support.PrivateDockerEngine;
import io.fleetbench.collector.support.TopicReader;
import io.fleetbench.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Plants distinct secrets where an engine exposes them: an environment value, a label value, a build argument, an
 * exec's environment and arguments, and a daemon.json value. The agent runs while its broker is away, so everything
 * goes through the disk spool. Then the broker starts and the test reads every byte the agent wrote: the Kafka
 * records, the spool and state files, and its log output. None may contain a planted secret.
 */
@EnabledIfPrivateEngines
@ExtendWith(OutputCaptureExtension.class)
class PlantedSecretsIntegrationTests {

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final String SNAPSHOT_TOPIC = "secrets-it-" + RUN_ID + ".snapshots";
    private static final String EVENT_TOPIC = "secrets-it-" + RUN_ID + ".runtime-events";

    private static final String ENV_SECRET = "PlantedEnv" + RUN_ID + "x9Q";
    private static final String LABEL_SECRET = "PlantedLabel" + RUN_ID + "k2W";
    private static final String BUILD_ARG_SECRET = "PlantedBuildArg" + RUN_ID + "m7Z";
    private static final String EXEC_ENV_SECRET = "PlantedExecEnv" + RUN_ID + "p4R";
    private static final String EXEC_ARGUMENT_SECRET = "PlantedExecArg" + RUN_ID + "t8Y";
    private static final String DAEMON_JSON_SECRET = "PlantedDaemon" + RUN_ID + "v3N";
    private static final List<String> SECRETS = List.of(ENV_SECRET, LABEL_SECRET, BUILD_ARG_SECRET, EXEC_ENV_SECRET,
            EXEC_ARGUMENT_SECRET, DAEMON_JSON_SECRET);

    @Test
    void noPlantedSecretLeavesHost(CapturedOutput output) throws IOException {
        PrivateDockerEngine engine = PrivateDockerEngine.shared();
        Files.createDirectories(Path.of("target"));
        Path work = Files.createTempDirectory(Path.of("target"), "secrets-it-").toAbsolutePath();
        Path stateDir = work.resolve("state");
        Path daemonJson = work.resolve("daemon.json");
        // The agent reads this file as the engine's daemon.json: a registry mirror URL with a password in it.
        Files.writeString(daemonJson, "{\"registry-mirrors\": [\"https://mirror:" + DAEMON_JSON_SECRET
                + "@mirror.example\"], \"live-restore\": true}\n");
        String image = "local/secrets-" + RUN_ID + ":1";
        String container = "secrets-" + RUN_ID;
        Path buildFolder = Files.createDirectories(work.resolve("build"));
        Files.writeString(buildFolder.resolve("Dockerfile"),
                "FROM local/busybox:1\nARG DEPLOY_TOKEN\nRUN /bin/sh -c 'test -n \"$DEPLOY_TOKEN\"'\n");
        engine.dockerIn(buildFolder, "build", "-q", "--build-arg", "DEPLOY_TOKEN=" + BUILD_ARG_SECRET, "-t", image,
                ".");
        engine.docker("run", "-d", "--name", container, "--network", "none",
                "-e", "DB_PASSWORD=" + ENV_SECRET, "--label", "com.example.api-token=" + LABEL_SECRET,
                image, "/bin/sleep", "600");

        int port = freePort();
        EmbeddedKafkaBroker broker = null;
        ConfigurableApplicationContext agent = AgentRunner.start(Map.of(
                "spring.kafka.bootstrap-servers", "127.0.0.1:" + port,
                "spring.kafka.producer.properties.max.block.ms", "2000",
                "fleetbench.collector.docker-host", engine.dockerHost().toString(),
                "fleetbench.collector.daemon-config-file", daemonJson.toString(),
                "fleetbench.collector.state-dir", stateDir.toString(),
                "fleetbench.collector.resync-interval", "2s",
                "fleetbench.collector.topic", SNAPSHOT_TOPIC,
                "fleetbench.collector.runtime-event-topic", EVENT_TOPIC,
                "logging.level.io.fleetbench", "DEBUG"));
        try {
            DiskSpool spool = agent.getBean(DiskSpool.class);
            // An event before the stream is connected is not observed, so the exec waits for the connection.
            await().atMost(Duration.ofSeconds(90)).until(() -> output.getAll().contains("Following events of engine"));
            engine.docker("exec", "-e", "API_TOKEN=" + EXEC_ENV_SECRET, container, "/bin/sh", "-c",
                    ": " + EXEC_ARGUMENT_SECRET);
            await().atMost(Duration.ofSeconds(90)).until(() -> spool.pendingCount() >= 4);
            List<byte[]> spooledBytes = readFiles(stateDir);
            assertThat(spooledBytes).isNotEmpty();

            broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), false, port);
            await().atMost(Duration.ofSeconds(90)).until(() -> spool.pendingCount() == 0);
            List<ConsumerRecord<String, byte[]>> records;
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), SNAPSHOT_TOPIC, EVENT_TOPIC)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    reader.poll();
                    return !reader.recordsOf(EVENT_TOPIC).isEmpty() && !reader.recordsOf(SNAPSHOT_TOPIC).isEmpty();
                });
                records = reader.poll();
            }

            assertThat(records).anyMatch(record -> record.topic().equals(EVENT_TOPIC));
            for (ConsumerRecord<String, byte[]> record : records) {
                assertNoSecret(record.value(), "record " + record.topic() + "@" + record.offset());
                assertNoSecret(record.key().getBytes(StandardCharsets.UTF_8), "key at offset " + record.offset());
                for (Header header : record.headers()) {
                    assertNoSecret(header.value(), "header " + header.key());
                }
            }
            for (byte[] file : spooledBytes) {
                assertNoSecret(file, "a spool or state file written during the outage");
            }
            for (byte[] file : readFiles(stateDir)) {
                assertNoSecret(file, "a spool or state file after delivery");
            }
        } finally {
            agent.close();
            if (broker != null) {
                broker.close();
            }
            engine.docker("rm", "-f", container);
        }
        assertThat(output.getAll()).contains("Spooled snapshot");
        assertNoSecret(output.getAll().getBytes(StandardCharsets.UTF_8), "the agent's log output");
    }

    private static void assertNoSecret(byte[] bytes, String where) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String secret : SECRETS) {
            assertThat(text).as("%s contains planted secret %s", where, secret).doesNotContain(secret);
        }
    }

    private static List<byte[]> readFiles(Path folder) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    contents.add(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return contents;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
