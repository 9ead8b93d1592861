package io.fleetbench.standalone.audit;

import io.fleetbench.standalone.FleetbenchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/**
 * Runs the {@code fleetbench} command line in this JVM with a fixed clock and version, capturing standard output
 * and standard error.
 *
 * @param exitCode the command's exit status
 * @param out what the command wrote to standard output
 * @param err what the command wrote to standard error
 */
record CommandLineRun(int exitCode, String out, String err) {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T20:34:00Z"), ZoneOffset.UTC);

    static final String VERSION = "0.1.0-test";

    static CommandLineRun of(String... args) {
        return in(Path.of(System.getProperty("user.dir")), args);
    }

    /** Runs the command line with {@code workingDirectory} as the folder that compose file locations start from. */
    static CommandLineRun in(Path workingDirectory, String... args) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == AuditCommand.class) {
                    return type.cast(new AuditCommand(CLOCK, () -> VERSION));
                }
                if (type == ComposeAuditCommand.class) {
                    return type.cast(new ComposeAuditCommand(CLOCK, () -> VERSION, workingDirectory));
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new FleetbenchCommand(), factory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CommandLineRun(exitCode, out.toString(), err.toString());
    }
}
