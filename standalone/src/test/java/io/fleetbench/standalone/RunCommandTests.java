package io.fleetbench.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
}
