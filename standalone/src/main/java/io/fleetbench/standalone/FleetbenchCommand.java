package io.fleetbench.standalone;

import io.fleetbench.standalone.audit.AuditCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fleetbench} command line: the entry point of the executable jar. */
@Command(name = "fleetbench", mixinStandardHelpOptions = true, versionProvider = FleetbenchVersion.class,
        description = "Continuous CIS Docker Benchmark compliance for a fleet of Docker hosts.",
        subcommands = {RunCommand.class, AuditCommand.class})
public final class FleetbenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        StandaloneLogging.configure();
        int exitCode = new CommandLine(new FleetbenchCommand()).execute(args);
        System.exit(exitCode);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
