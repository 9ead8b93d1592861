package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.HostFindingsEvaluated;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetbench audit compose FILE}: evaluates the container recommendations on a compose file before
 * deployment, with each finding pointing at the file's line and column.
 */
@Command(name = "compose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Audits the services of a docker-compose file against the container recommendations of the "
                + "CIS Docker Benchmark, before anything is deployed.",
                "Exit status: 0 no finding at or above --fail-on, 1 such a finding, 2 invalid option or file."})
final class ComposeAuditCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The compose file, such as docker-compose.yml.")
    private Path file;

    @Mixin
    private ReportOptions options;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Clock clock;
    private final Supplier<String> version;
    private final Path workingDirectory;

    ComposeAuditCommand() {
        this(Clock.systemUTC(), AuditCommand::jarVersion, Path.of(System.getProperty("user.dir")));
    }

    /**
     * @param workingDirectory the folder that SARIF and JUnit XML locations are relative to, which must be the JVM's
     *        working directory when {@code FILE} is a relative path, because the file is read from there
     */
    ComposeAuditCommand(Clock clock, Supplier<String> version, Path workingDirectory) {
        this.clock = clock;
        this.version = version;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Integer call() {
        try {
            String benchmarkVersion = options.benchmarkVersion();
            ComposeAudit audit = new ComposeAudit(ComposeFile.read(file), benchmarkVersion, clock, version.get());
            CheckSelection selection = options.checkSelection();
            selection.validate(audit.catalogue());
            HostFindingsEvaluated report = selection.apply(audit.evaluate());
            ReportLocations locations = ReportLocations.of(audit.locator(report), file, workingDirectory);
            return AuditRun.finish(report, audit.catalogue(), locations, options, spec, version.get());
        } catch (AuditUsageException e) {
            return AuditRun.usageError(spec, e.getMessage());
        }
    }
}
