package io.fleetbench.collector.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fleetbench.collector.support.AgentRunner;
import io.fleetbench.collector.support.EnabledIfPrivateEngines;
import io.fleetbench.collector.support.PrivateDockerEngine;
import io.fleetbench.collector.support.TopicReader;
import io.fleetbench.embedded.EmbeddedKafkaBroker;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.SettingSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Simulates a fleet on one machine: three dockerd instances side by side (hardened, default and misconfigured
 * daemon.json), one agent per engine, one Kafka broker. On Docker 20.10 the three engines report the same engine
 * ID, so only the agent's host id keeps them apart.
 */
@EnabledIfPrivateEngines
class FleetSimulationIntegrationTests {

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
    private static final String TOPIC = "fleet-it-" + RUN_ID + ".snapshots";
    private static final List<String> PROFILES = List.of("hardened", "default", "misconfigured");

    private static final Map<String, PrivateDockerEngine> engines = new LinkedHashMap<>();
    private static final Map<String, Path> stateDirs = new LinkedHashMap<>();
    private static final Map<String, ConfigurableApplicationContext> agents = new LinkedHashMap<>();

    @BeforeAll
    static void startFleet() throws IOException {
        Files.createDirectories(Path.of("target"));
        for (String profile : PROFILES) {
            PrivateDockerEngine engine = PrivateDockerEngine.start(profile, resource("/fleet/" + profile + ".json"));
            engines.put(profile, engine);
            stateDirs.put(profile, Files.createTempDirectory(Path.of("target"), "fleet-it-" + profile + "-")
                    .toAbsolutePath());
            agents.put(profile, startAgent(profile));
        }
    }

    @AfterAll
    static void stopFleet() {
        agents.values().forEach(ConfigurableApplicationContext::close);
        engines.values().forEach(PrivateDockerEngine::close);
    }

    @Test
    void eachEngineIsSeparateHost() {
        Map<String, HostSnapshotCollected> latest = awaitSnapshotPerHost();

        assertThat(latest.values().stream().map(HostSnapshotCollected::hostId).distinct()).hasSize(3);
        for (String profile : PROFILES) {
            HostSnapshotCollected snapshot = latest.get(profile);
            assertThat(snapshot.host().labels()).as(profile)
                    .containsEntry("environment", "simulation")
                    .containsEntry("team", "fleet-" + profile)
                    .containsEntry("region", "local-1");
            assertThat(snapshot.engine().dockerRootDir()).as(profile)
                    .isEqualTo(engines.get(profile).dataRoot().toString());
            assertThat(stateDirs.get(profile).resolve("sequence")).as(profile).exists();
        }
    }

    @Test
    void daemonSettingsArriveFromEachEngine() {
        Map<String, HostSnapshotCollected> latest = awaitSnapshotPerHost();

        HostSnapshotCollected hardened = latest.get("hardened");
        assertThat(settingValue(hardened, "live-restore")).isEqualTo(true);
        assertThat(settingValue(hardened, "userland-proxy")).isEqualTo(false);
        assertThat(settingValue(hardened, "no-new-privileges")).isEqualTo(true);
        assertThat(hardened.engine().liveRestoreEnabled()).isTrue();

        HostSnapshotCollected defaults = latest.get("default");
        assertThat(defaults.daemon().configFilePresent()).isTrue();
        assertThat(defaults.daemon().settings().values())
                .noneMatch(setting -> setting.source() == SettingSource.DAEMON_JSON);
        assertThat(defaults.engine().liveRestoreEnabled()).isFalse();

        HostSnapshotCollected misconfigured = latest.get("misconfigured");
        assertThat(settingValue(misconfigured, "insecure-registries"))
                .isEqualTo(List.of("registry.internal.example:5000"));
        assertThat(settingValue(misconfigured, "debug")).isEqualTo(true);
        assertThat(settingValue(misconfigured, "experimental")).isEqualTo(true);
    }

    @Test
    void hostIdSurvivesAgentRestart() {
        Map<String, HostSnapshotCollected> before = awaitSnapshotPerHost();
        String profile = "default";
        agents.remove(profile).close();

        agents.put(profile, startAgent(profile));

        String hostId = before.get(profile).hostId();
        try (TopicReader reader = new TopicReader(EmbeddedKafkaBroker.shared().bootstrapServers(), TOPIC)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> reader.poll().stream()
                    .map(record -> EventCodec.decodeSnapshot(record.value()))
                    .anyMatch(snapshot -> snapshot.hostId().equals(hostId) && snapshot.trigger().equals("startup")
                            && snapshot.sequence() > before.get(profile).sequence()));
        }
    }

    private static ConfigurableApplicationContext startAgent(String profile) {
        PrivateDockerEngine engine = engines.get(profile);
        return AgentRunner.start(Map.of(
                "spring.kafka.bootstrap-servers", EmbeddedKafkaBroker.shared().bootstrapServers(),
                "fleetbench.collector.docker-host", engine.dockerHost().toString(),
                "fleetbench.collector.daemon-config-file", engine.daemonJson().toString(),
                "fleetbench.collector.state-dir", stateDirs.get(profile).toString(),
                "fleetbench.collector.topic", TOPIC,
                "fleetbench.collector.host-name", "sim-" + profile,
                "fleetbench.collector.labels.environment", "simulation",
                "fleetbench.collector.labels.team", "fleet-" + profile,
                "fleetbench.collector.labels.region", "local-1"));
    }

    /** Returns the newest snapshot of each engine, by the host name its agent was given. */
    private static Map<String, HostSnapshotCollected> awaitSnapshotPerHost() {
        List<HostSnapshotCollected> snapshots = new ArrayList<>();
        try (TopicReader reader = new TopicReader(EmbeddedKafkaBroker.shared().bootstrapServers(), TOPIC)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                snapshots.clear();
                reader.poll().forEach(record -> snapshots.add(EventCodec.decodeSnapshot(record.value())));
                return snapshots.stream().map(snapshot -> snapshot.host().name()).distinct().count() == 3;
            });
        }
        Map<String, HostSnapshotCollected> latest = new LinkedHashMap<>();
        for (HostSnapshotCollected snapshot : snapshots) {
            latest.put(snapshot.host().name().substring("sim-".length()), snapshot);
        }
        Map<String, String> idsByName = snapshots.stream().collect(Collectors.toMap(
                snapshot -> snapshot.host().name(), HostSnapshotCollected::hostId, (first, second) -> {
                    assertThat(second).as("host id of one agent").isEqualTo(first);
                    return first;
                }));
        assertThat(idsByName).hasSize(3);
        return latest;
    }

    private static @Nullable Object settingValue(HostSnapshotCollected snapshot, String key) {
        DaemonSetting setting = snapshot.daemon().settings().get(key);
        return setting == null ? null : setting.value();
    }

    private static String resource(String name) throws IOException {
        try (InputStream input = Objects.requireNonNull(FleetSimulationIntegrationTests.class.getResourceAsStream(name),
                name)) {
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
