package io.fleetbench.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopbackPortCheckTests {

    @TempDir
    Path tempDir;

    @Test
    void boundPortNamesPortAndFix() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> LoopbackPortCheck.requireBindable(port, "--port"))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageStartingWith("Port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("choose another port with --port")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void boundPortNamesHoldingProcess() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String ownPid = "(pid " + ProcessHandle.current().pid() + ")";

            assertThat(LoopbackPortCheck.listeningProcesses(taken.getLocalPort())).hasValueSatisfying(
                    processes -> assertThat(processes).contains(ownPid));
        }
    }

    @Test
    void freeAndZeroPortsPass() throws Exception {
        int port;
        try (ServerSocket released = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = released.getLocalPort();
        }

        assertThatCode(() -> LoopbackPortCheck.requireBindable(port, "--port")).doesNotThrowAnyException();
        assertThatCode(() -> LoopbackPortCheck.requireBindable(0, "--port")).doesNotThrowAnyException();
    }

    @Test
    void fleetStartsNothingOnBoundPort() throws Exception {
        Path dataDir = tempDir.resolve("data");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TerminalOutput terminal = new TerminalOutput(new PrintStream(printed, true, StandardCharsets.UTF_8), false);

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            StandaloneOptions options = new StandaloneOptions(URI.create("unix:///nonexistent/docker.sock"),
                    taken.getLocalPort(), dataDir, Duration.ofMinutes(5));

            assertThatThrownBy(() -> StandaloneFleet.start(options, terminal))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("--port");
        }

        // The check runs before the engine probe and before the data folder, the broker or the database.
        assertThat(printed.toString(StandardCharsets.UTF_8)).startsWith("Fleetbench ").doesNotContain("Docker engine");
        assertThat(dataDir).doesNotExist();
    }
}
