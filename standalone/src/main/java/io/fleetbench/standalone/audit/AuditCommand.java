package io.fleetbench.standalone.audit;

import com.github.dockerjava.api.exception.DockerException;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.standalone.DurationConverter;
import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fleetbench audit}: one audit of the local Docker engine in one process, without Kafka or a database, for CI
 * in place of docker-bench-security. Exit status 0 means no finding at or above {@code --fail-on}, 1 means there is
 * one, and 2 means an invalid option or an unreachable engine.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = ComposeAuditCommand.class,
        description = {"Audits the local Docker engine once against the CIS Docker Benchmark and prints the report.",
                "Exit status: 0 no finding at or above --fail-on, 1 such a finding, 2 invalid option or engine not "
                        + "reachable."})
public final class AuditCommand implements Callable<Integer> {

    private static final String DEFAULT_DOCKER_HOST = "unix:///var/run/docker.sock";

    @Option(names = "--docker-host", paramLabel = "URI",
            description = "Docker engine to audit (default: $DOCKER_HOST, else " + DEFAULT_DOCKER_HOST + ").")
    private String dockerHost;

    @Option(names = "--host-root", paramLabel = "DIR", defaultValue = "/",
            description = "Folder in which the host's root folder is visible, to read daemon.json and the host facts "
                    + "(default: ${DEFAULT-VALUE}; /host when the audit runs in a container with / mounted there).")
    private Path hostRoot;

    @Option(names = "--engine-timeout", paramLabel = "DURATION", defaultValue = "PT30S",
            converter = DurationConverter.class,
            description = "Maximum wait to connect to the engine and for each response, such as 30s or PT30S "
                    + "(default: ${DEFAULT-VALUE}).")
    private Duration engineTimeout;

    @Option(names = "--exclude-containers", paramLabel = "SELECTOR", split = ",",
            description = "Leave containers out: a name, label=KEY or label=KEY=VALUE, comma-separated.")
    private List<String> excludeContainers = new ArrayList<>();

    @Option(names = "--exclude-images", paramLabel = "SELECTOR", split = ",",
            description = "Leave images out of the image checks: repo:tag, repo (every tag) or an id of 12 or more "
                    + "hex digits, comma-separated.")
    private List<String> excludeImages = new ArrayList<>();

    @Mixin
    private ReportOptions options;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Clock clock;
    private final Supplier<String> version;

    /** Creates the command with the system clock and the jar's version. */
    public AuditCommand() {
        this(Clock.systemUTC(), AuditCommand::jarVersion);
    }

    /** Creates the command with a fixed clock and version, for tests that compare whole reports. */
    AuditCommand(Clock clock, Supplier<String> version) {
        this.clock = clock;
        this.version = version;
    }

    @Override
    public Integer call() {
        try {
            // The options that need no catalogue come first, so the engine is read while the rules compile.
            ResourceExclusions exclusions = new ResourceExclusions(excludeContainers, excludeImages);
            URI engine = engineAddress();
            long started = System.nanoTime();
            LocalCollector collector = new LocalCollector(engine, hostRoot, engineTimeout, clock, version.get());
            BackgroundCollection collection = BackgroundCollection.start(collector::collect,
                    message -> AuditRun.progress(options, spec, message));

            BenchmarkCatalogue catalogue;
            CheckSelection selection = options.checkSelection();
            try {
                catalogue = BundledRules.catalogue(options.benchmarkVersion());
                selection.validate(catalogue);
            } catch (RuntimeException e) {
                collection.abandon();
                throw e;
            }
            collection.release();
            AuditEvaluator evaluator = new AuditEvaluator(catalogue, BundledRules.registry(), clock);

            HostSnapshotCollected snapshot = exclusions.apply(collection.await());
            HostFindingsEvaluated report = selection.apply(evaluator.evaluate(snapshot));
            AuditRun.progress(options, spec, "Evaluated " + snapshot.containers().size() + " containers and "
                    + snapshot.images().size() + " images against " + catalogue.title() + " in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            return AuditRun.finish(report, catalogue, ReportLocations.NONE, options, spec, version.get());
        } catch (AuditUsageException | EngineUnavailableException e) {
            return AuditRun.usageError(spec, e.getMessage());
        } catch (DockerException e) {
            return AuditRun.usageError(spec, "Docker engine at " + engineAddressText() + " rejected a request (HTTP "
                    + e.getHttpStatus() + ": " + e.getMessage().lines().findFirst().orElse("").strip()
                    + "): check that this user may read the engine's containers and images");
        }
    }

    private URI engineAddress() {
        String address = engineAddressText();
        try {
            URI uri = new URI(address);
            if (uri.getScheme() == null || !List.of("unix", "tcp", "npipe").contains(uri.getScheme())) {
                throw new AuditUsageException("--docker-host '" + address + "' is not an engine address: use "
                        + "unix:///path/to/docker.sock or tcp://host:port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new AuditUsageException("--docker-host '" + address + "' is not a valid URI (" + e.getReason()
                    + "): use unix:///path/to/docker.sock or tcp://host:port", e);
        }
    }

    private String engineAddressText() {
        if (dockerHost != null) {
            return dockerHost.strip();
        }
        String fromEnvironment = System.getenv("DOCKER_HOST");
        return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_DOCKER_HOST : fromEnvironment.strip();
    }

    static String jarVersion() {
        String implementation = AuditCommand.class.getPackage().getImplementationVersion();
        return implementation == null ? "development build" : implementation;
    }
}
