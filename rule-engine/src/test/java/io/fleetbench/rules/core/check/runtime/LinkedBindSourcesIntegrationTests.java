package io.fleetbench.rules.core.check.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import io.fleetbench.collector.engine.DockerClientFactory;
import io.fleetbench.collector.engine.EngineReader;
import io.fleetbench.collector.engine.SnapshotAssembler;
import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.collector.hostfiles.DaemonJsonReader;
import io.fleetbench.collector.support.DockerEngineCondition;
import io.fleetbench.collector.support.EnabledIfDockerEngine;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.CheckResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binds whose host source is a symbolic link, created on the real engine and collected with the agent's code
 * against the real host root {@code /}. The engine reports such a bind by the link's path, so only the resolved
 * source lets the rules see {@code /etc} and the socket's folder.
 */
@EnabledIfDockerEngine
class LinkedBindSourcesIntegrationTests {

    private static final URI DOCKER_HOST = URI.create("unix://" + DockerEngineCondition.SOCKET);
    private static final String CONTAINER_NAME = "linked-binds-it-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    static Path links;

    private static DockerClient docker;
    private static String createdId;
    private static HostSnapshotCollected snapshot;

    /** Creates, without starting, a container that binds a link to /etc and a link to the socket's folder. */
    @BeforeAll
    static void createContainerAndCollect() throws IOException {
        Files.createSymbolicLink(links.resolve("cfg"), Path.of("/etc"));
        Files.createSymbolicLink(links.resolve("engine"), DockerEngineCondition.SOCKET.getParent());
        docker = DockerClientFactory.create(DOCKER_HOST, Duration.ofSeconds(30));
        createdId = docker.createContainerCmd("local/busybox:1")
                .withName(CONTAINER_NAME)
                .withCmd("/bin/sleep", "600")
                .withHostConfig(HostConfig.newHostConfig()
                        .withNetworkMode("none")
                        .withBinds(Bind.parse(links.resolve("cfg") + ":/cfg"),
                                Bind.parse(links.resolve("engine") + ":/engine:ro")))
                .exec()
                .getId();

        Path hostRoot = Path.of("/");
        snapshot = new SnapshotAssembler(hostRoot).assemble(EngineFixtures.HOST, 1, "test", Instant.now(),
                new EngineReader(docker, DOCKER_HOST).read(),
                new DaemonJsonReader(hostRoot, "/etc/docker/daemon.json").read());
    }

    @AfterAll
    static void removeContainer() throws IOException {
        if (docker != null) {
            if (createdId != null) {
                docker.removeContainerCmd(createdId).withForce(true).exec();
            }
            docker.close();
        }
    }

    @Test
    void snapshotCarriesResolvedSources() throws IOException {
        assertThat(container().mounts())
                .extracting(MountFacts::destination, MountFacts::source, MountFacts::resolvedSource)
                .containsExactlyInAnyOrder(
                        tuple("/cfg", links.resolve("cfg").toString(), "/etc"),
                        tuple("/engine", links.resolve("engine").toString(),
                                DockerEngineCondition.SOCKET.getParent().toRealPath().toString()));
    }

    @Test
    void sensitiveFolderRuleWarnsThroughLink() {
        CheckResult result = resultFor(BundledRules.registry().find("no-sensitive-host-directories-mounted")
                .orElseThrow());

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.reason()).contains(links.resolve("cfg") + " (resolves to /etc) at /cfg (read-write)");
    }

    @Test
    void socketRuleWarnsThroughLink() throws IOException {
        CheckResult result = resultFor(new NoDockerSocketMounted());

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.reason()).contains("folder " + links.resolve("engine") + " (resolves to "
                + DockerEngineCondition.SOCKET.getParent().toRealPath() + ") at /engine (read-only), which contains");
    }

    private static ContainerFacts container() {
        return snapshot.containers().stream()
                .filter(container -> container.name().equals(CONTAINER_NAME))
                .findFirst()
                .orElseThrow();
    }

    private static CheckResult resultFor(Check check) {
        return check.evaluate(new CheckContext(snapshot)).stream()
                .filter(result -> result.target().key().equals("container:" + CONTAINER_NAME))
                .findFirst()
                .orElseThrow();
    }
}
