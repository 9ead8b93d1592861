package io.fleetbench.collector.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.fleetbench.collector.support.AgentRunner;
import io.fleetbench.collector.support.EnabledIfPrivateEngines;
import io.fleetbench.collector.support.PrivateDockerEngine;
import io.fleetbench.collector.support.TopicReader;
import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.RuntimeEventObserved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the time from an engine event to the agent's records on Kafka over a series of {@code docker run}s on a
 * private engine: the runtime event of each container start, and the snapshot whose trigger names that start. The
 * start time is the engine's event time, the arrival time is when this test's consumer reads the record; both use
 * this machine's clock. Surefire does not run it by default because its name does not end in {@code Tests}; run it
 * with {@code ./mvnw -pl collector-agent test -Dtest=EventLatencyBenchmark -Dbenchmark.runs=50}.
 */
@Tag("benchmark")
@EnabledIfPrivateEngines
class EventLatencyBenchmark {

    @Test
    void eventToTopicLatency() throws IOException {
        int runs = Integer.getInteger("benchmark.runs", 50);
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String snapshotTopic = "bench-" + runId + ".snapshots";
        String eventTopic = "bench-" + runId + ".runtime-events";
        PrivateDockerEngine engine = PrivateDockerEngine.shared();
        Files.createDirectories(Path.of("target"));
        Path stateDir = Files.createTempDirectory(Path.of("target"), "bench-state-").toAbsolutePath();
        ConfigurableApplicationContext agent = AgentRunner.start(Map.of(
                "spring.kafka.bootstrap-servers", EmbeddedKafkaBroker.shared().bootstrapServers(),
                "fleetbench.collector.docker-host", engine.dockerHost().toString(),
                "fleetbench.collector.daemon-config-file", engine.daemonJson().toString(),
                "fleetbench.collector.state-dir", stateDir.toString(),
                "fleetbench.collector.resync-interval", "1h",
                "fleetbench.collector.topic", snapshotTopic,
                "fleetbench.collector.runtime-event-topic", eventTopic));
        DockerClient docker = EventStreamClients.create(engine.dockerHost(), Duration.ofSeconds(30));
        List<Long> eventMillis = new ArrayList<>();
        List<Long> snapshotMillis = new ArrayList<>();
        List<String> containers = new ArrayList<>();
        try (TopicReader reader = new TopicReader(EmbeddedKafkaBroker.shared().bootstrapServers(), snapshotTopic,
                eventTopic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !reader.poll().isEmpty());
            for (int i = 0; i < runs; i++) {
                String name = "bench-" + runId + "-" + i;
                String id = docker.createContainerCmd("local/busybox:1")
                        .withName(name)
                        .withCmd("/bin/sleep", "600")
                        .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
                        .exec()
                        .getId();
                containers.add(id);
                docker.startContainerCmd(id).exec();
                Instant[] arrivals = new Instant[2];
                RuntimeEventObserved[] start = new RuntimeEventObserved[1];
                await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> {
                            for (ConsumerRecord<String, byte[]> record : reader.pollNew()) {
                                Instant now = Instant.now();
                                if (record.topic().equals(eventTopic)) {
                                    RuntimeEventObserved event = EventCodec.decodeRuntimeEvent(record.value());
                                    if (event.action().equals("start") && event.targetName().equals(name)) {
                                        start[0] = event;
                                        arrivals[0] = now;
                                    }
                                } else {
                                    HostSnapshotCollected snapshot = EventCodec.decodeSnapshot(record.value());
                                    if (snapshot.trigger().equals("event:container:start:" + name)) {
                                        arrivals[1] = now;
                                    }
                                }
                            }
                            return arrivals[0] != null && arrivals[1] != null;
                        });
                eventMillis.add(Duration.between(start[0].occurredAt(), arrivals[0]).toMillis());
                snapshotMillis.add(Duration.between(start[0].occurredAt(), arrivals[1]).toMillis());
            }
        } finally {
            agent.close();
            for (String id : containers) {
                docker.removeContainerCmd(id).withForce(true).exec();
            }
            docker.close();
        }

        System.out.printf("BENCHMARK runs=%d runtime-event p50=%d ms p99=%d ms max=%d ms; snapshot p50=%d ms"
                        + " p99=%d ms max=%d ms%n", runs, percentile(eventMillis, 50), percentile(eventMillis, 99),
                Collections.max(eventMillis), percentile(snapshotMillis, 50), percentile(snapshotMillis, 99),
                Collections.max(snapshotMillis));
        assertThat(eventMillis).hasSize(runs);
    }

    /** Returns the nearest-rank percentile. */
    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
