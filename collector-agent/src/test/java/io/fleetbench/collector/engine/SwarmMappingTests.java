package io.fleetbench.collector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.Swarm;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DockerClientConfig;
import io.fleetbench.model.snapshot.SwarmFacts;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwarmMappingTests {

    private static final ObjectMapper DOCKER_MAPPER = DockerClientConfig.getDefaultObjectMapper();

    private static <T> T read(String file, Class<T> type) throws IOException {
        try (InputStream json = SwarmMappingTests.class.getResourceAsStream("/swarm-manager/" + file)) {
            return DOCKER_MAPPER.readValue(json, type);
        }
    }

    private static EngineState managerState() throws IOException {
        return new EngineState(new Version(), read("info.json", Info.class), List.of(), List.of(),
                List.of(read("networks.json", Network[].class)), Map.of(), read("swarm.json", Swarm.class),
                List.of(read("secrets.json", Secret[].class)), null);
    }

    @Test
    void managerSettingsMapped() throws IOException {
        SwarmFacts swarm = SwarmMapping.map(managerState());

        assertThat(swarm.localNodeState()).isEqualTo("active");
        assertThat(swarm.manager()).isTrue();
        assertThat(swarm.nodeId()).isEqualTo("qxvehsbdghe11bhwpcewzbtjx");
        assertThat(swarm.managerCount()).isEqualTo(1);
        assertThat(swarm.nodeAddress()).isEqualTo("127.0.0.1");
        assertThat(swarm.managerAddresses()).containsExactly("127.0.0.1:2377");
        assertThat(swarm.autoLockManagers()).isTrue();
        assertThat(swarm.nodeCertExpirySeconds()).isEqualTo(720L * 3600);
        assertThat(swarm.caForceRotate()).isNull();
        assertThat(swarm.externalCas()).isZero();
        assertThat(swarm.dataPathPort()).isEqualTo(4789);
        assertThat(swarm.error()).isNull();
    }

    @Test
    void secretNamesAndOverlaysMapped() throws IOException {
        SwarmFacts swarm = SwarmMapping.map(managerState());

        assertThat(swarm.secretCount()).isEqualTo(1);
        assertThat(swarm.secretNames()).containsExactly("db_password");
        assertThat(swarm.overlayNetworks()).containsExactly(
                new SwarmFacts.OverlayNetwork("enc-net", true),
                new SwarmFacts.OverlayNetwork("ingress", false),
                new SwarmFacts.OverlayNetwork("plain-net", false));
    }

    @Test
    void inactiveNodeHasStateOnly() throws IOException {
        EngineState inactive = new EngineState(new Version(),
                DOCKER_MAPPER.readValue("{\"ID\":\"x\",\"Swarm\":{\"LocalNodeState\":\"inactive\",\"NodeID\":\"\"}}",
                        Info.class),
                List.of(), List.of(), List.of());

        SwarmFacts swarm = SwarmMapping.map(inactive);

        assertThat(swarm).isEqualTo(SwarmFacts.stateOnly("inactive", null, false));
    }

    @Test
    void unreadableManagerKeepsState() throws IOException {
        EngineState failed = new EngineState(new Version(), read("info.json", Info.class), List.of(), List.of(),
                List.of(), Map.of(), null, List.of(), "swarm settings could not be read: HTTP 503");

        SwarmFacts swarm = SwarmMapping.map(failed);

        assertThat(swarm.localNodeState()).isEqualTo("active");
        assertThat(swarm.manager()).isTrue();
        assertThat(swarm.autoLockManagers()).isNull();
        assertThat(swarm.error()).isEqualTo("swarm settings could not be read: HTTP 503");
    }
}
