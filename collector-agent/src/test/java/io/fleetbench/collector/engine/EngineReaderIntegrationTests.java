package io.fleetbench.collector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.fleetbench.collector.support.DockerEngineCondition;
import io.fleetbench.collector.support.EnabledIfDockerEngine;
import io.fleetbench.model.snapshot.ContainerFacts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnabledIfDockerEngine
class EngineReaderIntegrationTests {

    private static final URI DOCKER_HOST = URI.create("unix://" + DockerEngineCondition.SOCKET);
    private static final String CONTAINER_NAME = "engine-reader-it-" + UUID.randomUUID().toString().substring(0, 8);

    private static DockerClient docker;
    private static String createdId;

    @BeforeAll
    static void createStoppedContainer() {
        docker = DockerClientFactory.create(DOCKER_HOST, Duration.ofSeconds(30));
        createdId = docker.createContainerCmd("local/busybox:1")
                .withName(CONTAINER_NAME)
                .withCmd("/bin/sleep", "600")
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withPrivileged(true))
                .exec()
                .getId();
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
    void readsVersionInfoAndNetworks() {
        EngineState state = new EngineReader(docker, DOCKER_HOST).read();

        assertThat(state.version().getApiVersion()).isNotBlank();
        assertThat(state.info().getId()).isNotBlank();
        assertThat(state.networks()).extracting(network -> network.getName()).contains("host", "none");
        assertThat(state.images()).anySatisfy(image -> assertThat(image.getRepoTags()).contains("local/busybox:1"));
        assertThat(state.toString()).startsWith("EngineState[engineId=");
    }

    @Test
    void readsCreatedContainerToo() {
        EngineState state = new EngineReader(docker, DOCKER_HOST).read();

        ContainerFacts created = state.containers().stream()
                .map(container -> new SnapshotAssembler().containerFacts(container))
                .filter(container -> container.name().equals(CONTAINER_NAME))
                .findFirst()
                .orElseThrow();
        assertThat(created.state()).isEqualTo("created");
        assertThat(created.running()).isFalse();
        assertThat(created.privileged()).isTrue();
    }

    @Test
    void pingSucceedsOnRunningEngine() {
        new EngineReader(docker, DOCKER_HOST).ping();
    }

    @Test
    void missingSocketNamesAddressAndFix(@TempDir Path folder) throws IOException {
        URI missing = URI.create("unix://" + folder.resolve("missing.sock"));
        try (DockerClient client = DockerClientFactory.create(missing, Duration.ofSeconds(2))) {
            EngineReader reader = new EngineReader(client, missing);

            assertThatThrownBy(reader::ping)
                    .isInstanceOf(EngineUnreachableException.class)
                    .hasMessageStartingWith("Docker engine at " + missing + " did not respond (")
                    .hasMessageContaining("set fleetbench.collector.docker-host")
                    .hasMessageNotContaining("\n");
            assertThatThrownBy(reader::read).isInstanceOf(EngineUnreachableException.class);
        }
    }
}
