package io.fleetbench.collector.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import io.fleetbench.collector.engine.DockerClientFactory;
import io.fleetbench.collector.engine.EngineReader;
import io.fleetbench.collector.engine.EngineState;
import io.fleetbench.collector.engine.SnapshotAssembler;
import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.collector.support.DockerEngineCondition;
import io.fleetbench.collector.support.EnabledIfDockerEngine;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.FileType;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.ImageHistoryEntry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collects a full snapshot with host facts from the local engine and this machine's own root. */
@EnabledIfDockerEngine
class HostFactsIntegrationTests {

    private static final URI DOCKER_HOST = URI.create("unix://" + DockerEngineCondition.SOCKET);
    private static final String PLANTED_PASSWORD = "pl4nted-" + UUID.randomUUID();
    private static final String IMAGE = "fleetbench-it/history-" + UUID.randomUUID().toString().substring(0, 8) + ":1";

    private static DockerClient docker;
    private static HostSnapshotCollected snapshot;

    /** Builds an image with a secret build argument using the classic builder, which records it in the history. */
    @BeforeAll
    static void buildImageAndCollect(@TempDir Path context) throws IOException, InterruptedException {
        Files.writeString(context.resolve("Dockerfile"), """
                FROM local/busybox:1
                ARG DB_PASSWORD
                RUN echo built
                """);
        ProcessBuilder builder = new ProcessBuilder("docker", "build", "--quiet",
                "--build-arg", "DB_PASSWORD=" + PLANTED_PASSWORD, "--tag", IMAGE, context.toString())
                .redirectErrorStream(true)
                .redirectOutput(context.resolve("build.log").toFile());
        builder.environment().put("DOCKER_BUILDKIT", "0");
        builder.environment().put("DOCKER_HOST", DOCKER_HOST.toString());
        Process build = builder.start();
        assertThat(build.waitFor(120, TimeUnit.SECONDS)).as("docker build finished").isTrue();
        assertThat(build.exitValue()).as("docker build: " + Files.readString(context.resolve("build.log")))
                .isZero();

        docker = DockerClientFactory.create(DOCKER_HOST, Duration.ofSeconds(30));
        EngineState engine = new EngineReader(docker, DOCKER_HOST).read();
        HostFactsCollector.Collected collected =
                new HostFactsCollector(Path.of("/"), DOCKER_HOST, "/etc/docker/daemon.json", Duration.ofSeconds(5))
                        .collect(engine.info(), engine.networks());
        snapshot = new SnapshotAssembler().assemble(EngineFixtures.HOST, 1, "startup", Instant.now(), engine,
                collected.daemon(), collected.hostFacts());
    }

    @AfterAll
    static void removeImage() throws IOException {
        if (docker != null) {
            docker.removeImageCmd(IMAGE).withForce(true).exec();
            docker.close();
        }
    }

    @Test
    void buildArgumentRedactedInHistory() {
        ImageFacts image = snapshot.images().stream()
                .filter(candidate -> candidate.repoTags().contains(IMAGE))
                .findFirst()
                .orElseThrow();

        assertThat(image.history()).isNotEmpty();
        assertThat(image.history()).extracting(ImageHistoryEntry::createdBy)
                .anyMatch(step -> step.startsWith("|1 DB_PASSWORD=[redacted] ") && step.endsWith("echo built"));
        assertThat(image.history()).extracting(ImageHistoryEntry::createdBy)
                .noneMatch(step -> step.contains(PLANTED_PASSWORD));
        assertThat(new String(EventCodec.encode(snapshot), StandardCharsets.UTF_8)).doesNotContain(PLANTED_PASSWORD);
    }

    @Test
    void swarmStateAndDockerdRecorded() {
        assertThat(snapshot.hostFacts()).isNotNull();
        assertThat(snapshot.hostFacts().swarm().localNodeState()).isEqualTo(snapshot.engine().swarmNodeState());
        assertThat(snapshot.hostFacts().swarm().manager()).isEqualTo(
                Boolean.TRUE.equals(snapshot.engine().swarmManager()));
        assertThat(snapshot.hostFacts().dockerd()).isNotNull();
        assertThat(snapshot.hostFacts().dockerd().candidates()).isNotEmpty();
        assertThat(snapshot.hostFacts().file("/var/run/docker.sock").type()).isEqualTo(FileType.SOCKET);
        assertThat(snapshot.hostFacts().mounts()).isNotEmpty();
    }

    @Test
    void snapshotRoundTripsThroughCodec() {
        HostSnapshotCollected decoded = EventCodec.decodeSnapshot(EventCodec.encode(snapshot));

        assertThat(decoded.hostFacts()).isEqualTo(snapshot.hostFacts());
        assertThat(decoded.daemon()).isEqualTo(snapshot.daemon());
        assertThat(decoded.images()).isEqualTo(snapshot.images());
    }
}
