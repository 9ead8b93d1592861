package io.fleetbench.standalone;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fleetbench run}: the whole fleet on this machine, auditing the local Docker engine. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the whole Fleetbench fleet on this machine: an embedded Kafka broker and PostgreSQL server,",
                "the rule engine, the report service, the API gateway and a collector agent on the local Docker engine.",
                "Prints the first audit report, then keeps serving the API until interrupted."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--docker-host", paramLabel = "URI",
            description = "Docker engine to audit (default: $DOCKER_HOST, else ${DEFAULT-VALUE}).",
            defaultValue = "unix:///var/run/docker.sock")
    private String dockerHost;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Loopback port of the API gateway (default: ${DEFAULT-VALUE}; 0 picks a free port).")
    private int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the broker's log, the database, the agent's state and the log file "
                    + "(default: ~/.fleetbench/standalone).")
    private Path dataDir;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "PT5M",
            converter = DurationConverter.class,
            description = "How often the agent sends a full snapshot, such as 5m or PT5M (default: ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--no-color", negatable = false, description = "Print the report without ANSI colours.")
    private boolean noColour;

    @Option(names = "--first-report-timeout", paramLabel = "DURATION", defaultValue = "PT2M",
            converter = DurationConverter.class,
            description = "How long to wait for the first audit report (default: ${DEFAULT-VALUE}).")
    private Duration firstReportTimeout;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path folder = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".fleetbench", "standalone");
        String engineAddress = System.getenv("DOCKER_HOST") != null && dockerHost.equals("unix:///var/run/docker.sock")
                ? System.getenv("DOCKER_HOST") : dockerHost;
        URI engine = validate(engineAddress);
        StandaloneLogging.useLogFile(folder.resolve("fleetbench.log"));
        StandaloneOptions options = new StandaloneOptions(engine, port, folder, interval);
        TerminalOutput terminal = new TerminalOutput(System.out, !noColour && System.console() != null);
        return runFleet(options, terminal);
    }

    /** Rejects option values that would only fail after the broker, the database and the services have started. */
    private URI validate(String engineAddress) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--port': " + port + " is not a TCP port; use 1 to 65535, or 0 for a free one");
        }
        if (interval.isNegative() || interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--interval': " + interval
                    + " is shorter than one second; use an ISO-8601 duration such as PT5M");
        }
        if (firstReportTimeout.isNegative() || firstReportTimeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--first-report-timeout': "
                    + firstReportTimeout + " is not positive; use an ISO-8601 duration such as PT2M");
        }
        URI engine;
        try {
            engine = URI.create(engineAddress);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--docker-host': '" + engineAddress
                    + "' is not a URI; use unix:///path/to/docker.sock or tcp://host:port");
        }
        if (!"unix".equals(engine.getScheme()) && !"tcp".equals(engine.getScheme())) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--docker-host': '" + engineAddress
                    + "' has an unsupported scheme; use unix:///path/to/docker.sock or tcp://host:port");
        }
        return engine;
    }

    private int runFleet(StandaloneOptions options, TerminalOutput terminal) {
        StandaloneFleet fleet;
        try {
            fleet = StandaloneFleet.start(options, terminal);
        } catch (EngineUnavailableException | DataDirectoryInUseException | PortInUseException e) {
            terminal.error(e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            terminal.line("Stopping Fleetbench ...");
            fleet.close();
            stopped.countDown();
        }, "fleetbench-shutdown"));
        if (!fleet.printFirstReport(firstReportTimeout)) {
            terminal.error("No audit report arrived within " + firstReportTimeout.toSeconds() + " s; see the log in "
                    + options.dataDir().resolve("fleetbench.log") + ". The fleet keeps running.");
        }
        fleet.printAccess();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
