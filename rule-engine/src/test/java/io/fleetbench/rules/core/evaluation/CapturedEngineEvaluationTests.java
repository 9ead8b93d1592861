package io.fleetbench.rules.core.evaluation;

import static io.fleetbench.model.finding.Status.INFO;
import static io.fleetbench.model.finding.Status.NOTE;
import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.catalogue.Recommendation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evaluates snapshots that the collector's own assembler builds from Engine API responses captured on Docker Engine
 * 20.10.24 (the {@code mixed} scenario of the collector-agent test-jar), with and without its daemon.json fixtures.
 */
class CapturedEngineEvaluationTests {

    private static final String NO_DAEMON_JSON = "none";

    private final AuditEvaluator evaluator =
            BundledRules.evaluator("1.6.0", Clock.fixed(Instant.parse("2026-12-04T21:00:00Z"), ZoneOffset.UTC));

    static Stream<Arguments> findings() {
        String hardened = EngineFixtures.HARDENED_DAEMON_JSON;
        String misconfigured = EngineFixtures.MISCONFIGURED_DAEMON_JSON;
        return Stream.of(
                arguments(NO_DAEMON_JSON, "2.2", "daemon", PASS, "the engine has no default bridge network"),
                arguments(misconfigured, "2.2", "daemon", PASS, "the engine has no default bridge network"),
                arguments(NO_DAEMON_JSON, "2.9", "daemon", WARN, "do not include name=userns (engine API)"),
                arguments(hardened, "2.9", "daemon", WARN,
                        "userns-remap is 'default' in /etc/docker/daemon.json, but the engine's SecurityOptions"),
                arguments(NO_DAEMON_JSON, "2.13", "daemon", WARN, "LoggingDriver is json-file (engine API)"),
                arguments(hardened, "2.13", "daemon", WARN, "(log-driver is syslog in /etc/docker/daemon.json"),
                arguments(NO_DAEMON_JSON, "2.14", "daemon", WARN, "so the daemon default false applies"),
                arguments(hardened, "2.14", "daemon", PASS, "no-new-privileges is true in /etc/docker/daemon.json"),
                arguments(NO_DAEMON_JSON, "2.15", "daemon", WARN, "LiveRestoreEnabled is false (engine API)"),
                arguments(hardened, "2.15", "daemon", WARN, "but live-restore is true in /etc/docker/daemon.json"),
                arguments(NO_DAEMON_JSON, "2.16", "daemon", WARN, "so the daemon default true applies"),
                arguments(hardened, "2.16", "daemon", PASS, "userland-proxy is false in /etc/docker/daemon.json"),
                arguments(misconfigured, "2.16", "daemon", WARN, "userland-proxy is true in /etc/docker/daemon.json"),
                arguments(NO_DAEMON_JSON, "4.1", "container:hardened", PASS, "Config.User is '1000:1000'"),
                arguments(NO_DAEMON_JSON, "4.1", "container:published", PASS, "Config.User is '1000'"),
                arguments(NO_DAEMON_JSON, "4.1", "container:caps", WARN,
                        "image local/busybox:1 sets no USER, so the container runs as root"),
                arguments(NO_DAEMON_JSON, "4.1", "container:stopped", WARN, "(container state: exited)"),
                arguments(NO_DAEMON_JSON, "4.6", "image:local/busybox-user:1", PASS, "Config.Healthcheck is set"),
                arguments(NO_DAEMON_JSON, "4.6", "image:local/busybox:1", WARN, "has no HEALTHCHECK"),
                arguments(NO_DAEMON_JSON, "5.4", "container:caps", WARN, "capabilities added: NET_ADMIN, SYS_ADMIN"),
                arguments(NO_DAEMON_JSON, "5.4", "container:hardened", PASS, "HostConfig.CapAdd is empty"),
                arguments(NO_DAEMON_JSON, "5.5", "container:privileged", WARN,
                        "HostConfig.Privileged is true (container state: created)"),
                arguments(NO_DAEMON_JSON, "5.5", "container:hardened", PASS, "HostConfig.Privileged is false"),
                arguments(NO_DAEMON_JSON, "5.6", "container:etc-mount", WARN, "/etc at /host-etc (read-only)"),
                arguments(NO_DAEMON_JSON, "5.6", "container:socket", PASS, "no mount has a sensitive host source"),
                arguments(NO_DAEMON_JSON, "5.10", "container:host-net", WARN, "HostConfig.NetworkMode is host"),
                arguments(NO_DAEMON_JSON, "5.10", "container:hardened", PASS, "HostConfig.NetworkMode is none"),
                arguments(NO_DAEMON_JSON, "5.11", "container:hardened", PASS, "(64 MiB)"),
                arguments(NO_DAEMON_JSON, "5.11", "container:caps", WARN, "HostConfig.Memory is 0"),
                arguments(NO_DAEMON_JSON, "5.12", "container:hardened", PASS, "HostConfig.CpuShares is 512"),
                arguments(NO_DAEMON_JSON, "5.12", "container:caps", WARN, "HostConfig.CpuShares is 0 (the default weight)"),
                arguments(NO_DAEMON_JSON, "5.13", "container:hardened", PASS, "HostConfig.ReadonlyRootfs is true"),
                arguments(NO_DAEMON_JSON, "5.13", "container:caps", WARN, "HostConfig.ReadonlyRootfs is false"),
                arguments(NO_DAEMON_JSON, "5.14", "container:published", WARN,
                        "ports bound to every host interface: 0.0.0.0 port 8080 -> 80/tcp, :: port 8080 -> 80/tcp"),
                arguments(NO_DAEMON_JSON, "5.14", "container:hardened", PASS, "publishes no ports"),
                arguments(NO_DAEMON_JSON, "5.16", "container:host-pid", WARN, "HostConfig.PidMode is host"),
                arguments(NO_DAEMON_JSON, "5.16", "container:hardened", PASS, "HostConfig.PidMode is empty"),
                arguments(NO_DAEMON_JSON, "5.22", "container:seccomp-unconfined", WARN, "'seccomp=unconfined'"),
                arguments(NO_DAEMON_JSON, "5.22", "container:privileged", WARN, "the engine applies no seccomp profile"),
                arguments(NO_DAEMON_JSON, "5.22", "container:hardened", PASS, "seccomp profile 'default' applies"),
                arguments(NO_DAEMON_JSON, "5.26", "container:hardened", PASS, "'no-new-privileges:true'"),
                arguments(NO_DAEMON_JSON, "5.26", "container:caps", WARN, "the daemon does not set no-new-privileges"),
                arguments(NO_DAEMON_JSON, "5.26", "container:nnp-false", WARN, "'no-new-privileges=false'"),
                arguments(hardened, "5.26", "container:caps", PASS, "no-new-privileges is true in /etc/docker/daemon.json"),
                arguments(hardened, "5.26", "container:nnp-false", WARN, "'no-new-privileges=false'"),
                arguments(NO_DAEMON_JSON, "5.29", "container:hardened", PASS, "HostConfig.PidsLimit is 64"),
                arguments(NO_DAEMON_JSON, "5.29", "container:caps", WARN, "HostConfig.PidsLimit is absent"),
                arguments(NO_DAEMON_JSON, "5.32", "container:socket", WARN,
                        "/var/run/docker.sock at /var/run/docker.sock (read-write)"),
                arguments(NO_DAEMON_JSON, "5.32", "container:socket-ro", WARN,
                        "/var/run/docker.sock at /var/run/docker.sock (read-only)"),
                arguments(NO_DAEMON_JSON, "5.32", "container:run-parent", WARN,
                        "folder /run at /host-run (read-write), which contains /var/run/docker.sock"),
                arguments(NO_DAEMON_JSON, "5.32", "container:etc-mount", PASS, "no mount exposes a Docker socket"),
                arguments(NO_DAEMON_JSON, "FB.1", "container:secret-env", WARN,
                        "DB_PASSWORD (name contains PASSWORD), UPSTREAM_KEY_ID"),
                arguments(NO_DAEMON_JSON, "FB.1", "container:published", WARN, "SESSION_SECRET"),
                arguments(NO_DAEMON_JSON, "FB.1", "container:hardened", PASS, "Config.Env is empty"),
                arguments(NO_DAEMON_JSON, "FB.2", "image:local/busybox-user:1", INFO,
                        "the snapshot has no build history for this image"),
                arguments(NO_DAEMON_JSON, "2.6", "daemon", PASS, "the storage driver is overlay2 (engine API)"),
                arguments(NO_DAEMON_JSON, "2.3", "daemon", PASS, "so the daemon default info applies"),
                arguments(NO_DAEMON_JSON, "5.1", "daemon", PASS, "the swarm node state is inactive (engine API)"),
                arguments(NO_DAEMON_JSON, "5.8", "container:published", PASS, "no published host port is below 1024"),
                arguments(NO_DAEMON_JSON, "5.17", "container:hardened", PASS, "HostConfig.IpcMode is"),
                arguments(NO_DAEMON_JSON, "5.31", "container:hardened", PASS, "HostConfig.UsernsMode is"),
                arguments(NO_DAEMON_JSON, "7.3", "swarm", PASS, "so swarm rules do not apply"),
                arguments(NO_DAEMON_JSON, "1.1.3", "host", INFO, "host facts not collected"),
                arguments(NO_DAEMON_JSON, "4.2", "host", NOTE, "trusted publisher"),
                arguments(NO_DAEMON_JSON, "FB.5", "container:hardened", WARN,
                        "the container references its image by tag: local/busybox:1"));
    }

    @ParameterizedTest(name = "{1} on {2} with daemon.json {0}")
    @MethodSource("findings")
    void evaluatesCapturedEngine(String daemonJson, String checkId, String targetKey, Status status, String reason) {
        HostFindingsEvaluated report = evaluator.evaluate(snapshot(daemonJson));

        List<Finding> matching = report.findings().stream()
                .filter(finding -> finding.checkId().equals(checkId) && finding.targetKey().equals(targetKey))
                .toList();

        assertThat(matching).as("findings of %s on %s", checkId, targetKey).hasSize(1);
        assertThat(matching.get(0).status()).as("status (reason: %s)", matching.get(0).reason()).isEqualTo(status);
        assertThat(matching.get(0).reason()).contains(reason);
    }

    @Test
    void rowsNameCatalogueRecommendations() {
        List<String> covered = findings().map(row -> (String) row.get()[1]).distinct().toList();

        assertThat(evaluator.catalogue().recommendations().stream().map(Recommendation::id).toList())
                .containsAll(covered);
    }

    @Test
    void reportsEveryContainerForContainerChecks() {
        HostSnapshotCollected snapshot = EngineFixtures.snapshot(EngineFixtures.MIXED);
        HostFindingsEvaluated report = evaluator.evaluate(snapshot);

        List<String> containerIds = snapshot.containers().stream().map(ContainerFacts::id).toList();
        assertThat(containerIds).hasSize(14);
        for (Recommendation recommendation : evaluator.catalogue().recommendations()) {
            boolean manualOnly = report.findings().stream()
                    .filter(finding -> finding.checkId().equals(recommendation.id()))
                    .allMatch(finding -> finding.status() == Status.NOTE && finding.targetKey().equals("host"));
            if (recommendation.targetKind() == TargetKind.CONTAINER && !manualOnly) {
                assertThat(report.findings())
                        .filteredOn(finding -> finding.checkId().equals(recommendation.id()))
                        .extracting(Finding::targetId)
                        .as("containers reported by %s", recommendation.id())
                        .containsExactlyInAnyOrderElementsOf(containerIds);
            }
        }
    }

    @Test
    void reportContainsNoPlantedSecret() {
        HostFindingsEvaluated report = evaluator.evaluate(
                EngineFixtures.snapshot(EngineFixtures.MIXED, EngineFixtures.MISCONFIGURED_DAEMON_JSON));

        String json = new String(EventCodec.encode(report), StandardCharsets.UTF_8);

        assertThat(json).contains("DB_PASSWORD");
        for (String secret : EngineFixtures.PLANTED_SECRETS) {
            assertThat(json).doesNotContain(secret);
        }
    }

    private static HostSnapshotCollected snapshot(String daemonJson) {
        return daemonJson.equals(NO_DAEMON_JSON)
                ? EngineFixtures.snapshot(EngineFixtures.MIXED)
                : EngineFixtures.snapshot(EngineFixtures.MIXED, daemonJson);
    }
}
