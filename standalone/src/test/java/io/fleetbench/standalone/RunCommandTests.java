package io.fleetbench.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class RunCommandTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "--port|70000|'--port': 70000 is not a TCP port",
        "--interval|PT0S|'--interval': PT0S is shorter than one second",
        "--interval|-PT5M|'--interval': PT-5M is shorter than one second",
        "--first-report-timeout|PT0S|'--first-report-timeout': PT0S is not positive",
        "--docker-host|http://engine:2375|'--docker-host': 'http://engine:2375' has an unsupported scheme"})
    void rejectsBadValueBeforeStarting(String option, String value, String expected) {
        StringWriter errors = new StringWriter();
        CommandLine command = new CommandLine(new FleetbenchCommand()).setErr(new PrintWriter(errors));

        int exitCode = command.execute("run", option, value, "--data-dir", "/nonexistent/fleetbench-test");

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString()).contains(expected);
    }

    @Test
    void portInUseExitsWithOneLine(@TempDir Path dataDir) throws Exception {
        String logFileBefore = System.getProperty(StandaloneLogging.LOG_FILE_PROPERTY);
        PrintStream errBefore = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int exitCode;
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = taken.getLocalPort();
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            exitCode = new CommandLine(new FleetbenchCommand())
                    .execute("run", "--port", String.valueOf(port), "--data-dir", dataDir.toString());
        } finally {
            System.setErr(errBefore);
            if (logFileBefore == null) {
                System.clearProperty(StandaloneLogging.LOG_FILE_PROPERTY);
            }
        }

        assertThat(exitCode).isEqualTo(2);
        assertThat(errors.toString(StandardCharsets.UTF_8)).startsWith("fleetbench: Port " + port + " on 127.0.0.1")
                .contains("--port")
                .hasLineCount(1);
    }
}
