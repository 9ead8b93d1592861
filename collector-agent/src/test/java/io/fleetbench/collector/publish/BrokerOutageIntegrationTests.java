package io.fleetbench.collector.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.collector.spool.DiskSpool;
import io.fleetbench.collector.support.AgentRunner;
import io.fleetbench.collector.support.EnabledIfPrivateEngines;
import io.fleetbench.collector.support.PrivateDockerEngine;
import io.fleetbench.collector.support.TopicReader;
import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.RuntimeEventObserved;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the agent's Kafka broker while containers start, restarts it on the same port and log folder, and checks
 * that the spool delivered everything: every runtime event exactly once and every snapshot sequence without a gap.
 * The broker is one of this test's own, not the shared one, because the test stops it.
 */
@EnabledIfPrivateEngines
class BrokerOutageIntegrationTests {

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final String SNAPSHOT_TOPIC = "outage-it-" + RUN_ID + ".snapshots";
    private static final String EVENT_TOPIC = "outage-it-" + RUN_ID + ".runtime-events";

    @Test
    void outageLosesNoRecords() throws IOException {
        PrivateDockerEngine engine = PrivateDockerEngine.shared();
        int port = freePort();
        Files.createDirectories(Path.of("target"));
        Path logDir = Files.createTempDirectory(Path.of("target"), "outage-it-kafka-").toAbsolutePath();
        Path stateDir = Files.createTempDirectory(Path.of("target"), "outage-it-state-").toAbsolutePath();
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir, false, port);
        List<String> containers = new ArrayList<>();
        ConfigurableApplicationContext agent = AgentRunner.start(Map.of(
                "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
                "fleetbench.collector.docker-host", engine.dockerHost().toString(),
                "fleetbench.collector.daemon-config-file", engine.daemonJson().toString(),
                "fleetbench.collector.state-dir", stateDir.toString(),
                "fleetbench.collector.resync-interval", "2s",
                "fleetbench.collector.publish-timeout", "1s",
                "fleetbench.collector.topic", SNAPSHOT_TOPIC,
                "fleetbench.collector.runtime-event-topic", EVENT_TOPIC));
        try {
            DiskSpool spool = agent.getBean(DiskSpool.class);
            // One container before the outage, so both topics exist and the producer has their partitions.
            containers.add(run(engine, "before"));
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), SNAPSHOT_TOPIC, EVENT_TOPIC)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    reader.poll();
                    return !reader.recordsOf(EVENT_TOPIC).isEmpty() && !reader.recordsOf(SNAPSHOT_TOPIC).isEmpty();
                });
            }

            broker.close();
            for (int i = 0; i < 3; i++) {
                containers.add(run(engine, "during-" + i));
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> spool.pendingCount() >= 6);
            broker = EmbeddedKafkaBroker.start(logDir, false, port);
            await().atMost(Duration.ofSeconds(90)).until(() -> spool.pendingCount() == 0);

            List<HostSnapshotCollected> snapshots = new ArrayList<>();
            List<RuntimeEventObserved> events = new ArrayList<>();
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), SNAPSHOT_TOPIC, EVENT_TOPIC)) {
                await().atMost(Duration.ofSeconds(90)).until(() -> {
                    reader.poll();
                    return reader.recordsOf(EVENT_TOPIC).stream()
                            .map(record -> EventCodec.decodeRuntimeEvent(record.value()))
                            .filter(event -> event.action().equals("start"))
                            .count() >= containers.size();
                });
                reader.recordsOf(SNAPSHOT_TOPIC)
                        .forEach(record -> snapshots.add(EventCodec.decodeSnapshot(record.value())));
                reader.recordsOf(EVENT_TOPIC)
                        .forEach(record -> events.add(EventCodec.decodeRuntimeEvent(record.value())));
            }

            assertThat(events).extracting(RuntimeEventObserved::eventId).doesNotHaveDuplicates();
            // The first container may be created before the agent's event stream is connected, so only its start
            // is certain to be observed.
            for (String container : containers.subList(1, containers.size())) {
                assertThat(events).as("create events of %s", container)
                        .filteredOn(event -> event.targetName().equals(container) && event.action().equals("create"))
                        .hasSize(1);
            }
            for (String container : containers) {
                assertThat(events).as("start events of %s", container)
                        .filteredOn(event -> event.targetName().equals(container) && event.action().equals("start"))
                        .hasSize(1);
            }
            List<Long> sequences = snapshots.stream().map(HostSnapshotCollected::sequence).toList();
            assertThat(sequences).isSorted().doesNotHaveDuplicates();
            assertThat(sequences.get(sequences.size() - 1) - sequences.get(0) + 1).as("sequences %s", sequences)
                    .isEqualTo(sequences.size());
            assertThat(sequences.get(0)).isEqualTo(1);
            long stored = Long.parseLong(Files.readString(stateDir.resolve("sequence"), StandardCharsets.UTF_8)
                    .strip());
            assertThat(sequences.get(sequences.size() - 1)).isLessThanOrEqualTo(stored);
            assertThat(snapshots.get(snapshots.size() - 1).containers())
                    .extracting(container -> container.name())
                    .containsAll(containers);
        } finally {
            agent.close();
            broker.close();
            for (String container : containers) {
                engine.docker("rm", "-f", container);
            }
        }
    }

    private static String run(PrivateDockerEngine engine, String suffix) {
        String name = "outage-" + RUN_ID + "-" + suffix;
        engine.docker("run", "-d", "--name", name, "--network", "none", "local/busybox:1", "/bin/sleep", "600");
        return name;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
