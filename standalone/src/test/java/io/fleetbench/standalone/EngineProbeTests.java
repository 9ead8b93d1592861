package io.fleetbench.standalone;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EngineProbeTests {

    @Test
    void missingSocketNamesSocketAndFix() {
        URI socket = URI.create("unix:///tmp/fleetbench-no-such-engine.sock");

        assertThatThrownBy(() -> EngineProbe.describe(socket))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("unix:///tmp/fleetbench-no-such-engine.sock")
                .hasMessageContaining("--docker-host")
                .hasMessageNotContaining("\n");
    }
}
