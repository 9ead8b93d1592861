package io.fleetbench.collector.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.collector.support.AgentRunner;
import io.fleetbench.collector.support.EnabledIfPrivateEngines;
import io.fleetbench.collector.support.PrivateDockerEngine;
import io.fleetbench.collector.support.TopicReader;
import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.event.RuntimeEventObserved;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a whole agent on a private engine of its own, so no other test's containers interleave with the events, and
 * checks that engine events turn into named snapshots and runtime events within seconds. The resync interval is an
 * hour, so every snapshot after the first one comes from an event.
 */
@EnabledIfPrivateEngines
class EngineEventsIntegrationTests {

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final String SNAPSHOT_TOPIC = "events-it-" + RUN_ID + ".snapshots";
    private static final String EVENT_TOPIC = "events-it-" + RUN_ID + ".runtime-events";

    private static PrivateDockerEngine engine;
    private static ConfigurableApplicationContext agent;
    private static TopicReader reader;

    @BeforeAll
    static void startAgent() throws IOException {
        engine = PrivateDockerEngine.shared();
        Files.createDirectories(Path.of("target"));
        Path stateDir = Files.createTempDirectory(Path.of("target"), "events-it-state-").toAbsolutePath();
        agent = AgentRunner.start(Map.of(
                "spring.kafka.bootstrap-servers", EmbeddedKafkaBroker.shared().bootstrapServers(),
                "fleetbench.collector.docker-host", engine.dockerHost().toString(),
                "fleetbench.collector.daemon-config-file", engine.daemonJson().toString(),
                "fleetbench.collector.state-dir", stateDir.toString(),
                "fleetbench.collector.resync-interval", "1h",
                "fleetbench.collector.topic", SNAPSHOT_TOPIC,
                "fleetbench.collector.runtime-event-topic", EVENT_TOPIC,
                "fleetbench.collector.labels.team", "platform"));
        reader = new TopicReader(EmbeddedKafkaBroker.shared().bootstrapServers(), SNAPSHOT_TOPIC, EVENT_TOPIC);
        await().atMost(Duration.ofSeconds(90)).until(() -> !reader.poll().isEmpty());
    }

    @AfterAll
    static void stopAgent() {
        if (reader != null) {
            reader.close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void dockerRunTriggersNamedSnapshot() {
        String name = "run-" + RUN_ID;

        engine.docker("run", "-d", "--name", name, "--network", "none", "local/busybox:1", "/bin/sleep", "600");

        await().atMost(Duration.ofSeconds(60)).until(() -> snapshots().stream()
                .anyMatch(snapshot -> snapshot.trigger().equals("event:container:start:" + name)));
        HostSnapshotCollected snapshot = snapshots().stream()
                .filter(candidate -> candidate.trigger().equals("event:container:start:" + name))
                .findFirst()
                .orElseThrow();
        assertThat(snapshot.containers()).anyMatch(container -> container.name().equals(name) && container.running());
        assertThat(snapshot.recentEvents()).anyMatch(event -> event.action().equals("start")
                && event.targetName().equals(name));
        assertThat(snapshot.host().labels()).containsEntry("team", "platform");
    }

    @Test
    void healthCheckProbesTriggerNothing() {
        String name = "health-" + RUN_ID;
        engine.docker("run", "-d", "--name", name, "--network", "none", "--health-cmd", "/bin/true",
                "--health-interval", "1s", "local/busybox:1", "/bin/sleep", "600");
        await().atMost(Duration.ofSeconds(60)).until(() -> snapshots().stream()
                .anyMatch(snapshot -> snapshot.trigger().equals("event:container:start:" + name)));

        // A person's exec after several probes: once it is seen, the probes before it have been handled too.
        engine.docker("exec", name, "/bin/sh", "-c", ": after-probes");
        await().atMost(Duration.ofSeconds(60)).until(() -> runtimeEvents().stream()
                .anyMatch(event -> event.action().equals("exec_start") && event.targetName().equals(name)));

        assertThat(runtimeEvents().stream()
                .filter(event -> event.targetName().equals(name) && event.action().startsWith("exec_")))
                .as("only the exec_create and exec_start of the person's exec")
                .hasSize(2);
        assertThat(snapshots().stream()
                .filter(snapshot -> snapshot.trigger().startsWith("event:container:exec_")
                        && snapshot.trigger().endsWith(":" + name)))
                .as("snapshots that exec events of the container triggered")
                .hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void execIsPublishedWithUserAndProgram() {
        String name = "exec-" + RUN_ID;
        engine.docker("run", "-d", "--name", name, "--network", "none", "local/busybox:1", "/bin/sleep", "600");

        engine.docker("exec", "--user", "1000:1000", "-e", "EXEC_TOKEN=exec-env-" + RUN_ID, name, "/bin/sh", "-c",
                ": secret-argument-" + RUN_ID);

        await().atMost(Duration.ofSeconds(60)).until(() -> runtimeEvents().stream()
                .anyMatch(event -> event.action().equals("exec_start") && event.targetName().equals(name)));
        RuntimeEventObserved exec = runtimeEvents().stream()
                .filter(event -> event.action().equals("exec_start") && event.targetName().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(exec.targetKind()).isEqualTo("container");
        assertThat(exec.privileged()).isFalse();
        assertThat(exec.user()).isEqualTo("1000:1000");
        assertThat(exec.command()).isEqualTo("sh");
        assertThat(exec.host().labels()).containsEntry("team", "platform");
        for (ConsumerRecord<String, byte[]> record : reader.poll()) {
            String text = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("secret-argument-" + RUN_ID).doesNotContain("exec-env-" + RUN_ID);
        }
    }

    @Test
    void privilegedExecIsFlagged() {
        String name = "priv-" + RUN_ID;
        engine.docker("run", "-d", "--name", name, "--network", "none", "local/busybox:1", "/bin/sleep", "600");

        // The sandbox lacks a capability that a privileged exec needs, so its start fails; the engine still
        // reports exec_create and exec_start with the privileged flag.
        try {
            engine.docker("exec", "--privileged", name, "/bin/ls", "/");
        } catch (IllegalStateException expectedInThisSandbox) {
            // The events below are what this test checks.
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> runtimeEvents().stream()
                .anyMatch(event -> event.action().equals("exec_create") && event.targetName().equals(name)));
        RuntimeEventObserved exec = runtimeEvents().stream()
                .filter(event -> event.action().equals("exec_create") && event.targetName().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(exec.privileged()).isTrue();
        assertThat(exec.user()).isEmpty();
    }

    @Test
    void networkAndImageEventsTriggerSnapshots() {
        String network = "net-" + RUN_ID;
        String tag = "local/tagged-" + RUN_ID + ":1";

        engine.docker("network", "create", network);
        engine.docker("tag", "local/busybox:1", tag);

        await().atMost(Duration.ofSeconds(60)).until(() -> snapshots().stream()
                .anyMatch(snapshot -> snapshot.images().stream().anyMatch(image -> image.repoTags().contains(tag))
                        && snapshot.networks().stream().anyMatch(facts -> facts.name().equals(network))));
        assertThat(runtimeEvents()).anyMatch(event -> event.targetKind().equals("network")
                && event.action().equals("create") && event.targetName().equals(network));
        assertThat(runtimeEvents()).anyMatch(event -> event.targetKind().equals("image")
                && event.action().equals("tag"));
        assertThat(snapshots()).anyMatch(snapshot -> snapshot.trigger().startsWith("event:image:tag:")
                || snapshot.trigger().equals("event:network:create:" + network));
    }

    private static List<HostSnapshotCollected> snapshots() {
        reader.poll();
        return reader.recordsOf(SNAPSHOT_TOPIC).stream()
                .map(record -> EventCodec.decodeSnapshot(record.value()))
                .toList();
    }

    private static List<RuntimeEventObserved> runtimeEvents() {
        reader.poll();
        return reader.recordsOf(EVENT_TOPIC).stream()
                .map(record -> EventCodec.decodeRuntimeEvent(record.value()))
                .toList();
    }
}
