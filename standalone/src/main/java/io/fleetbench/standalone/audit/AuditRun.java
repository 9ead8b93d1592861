package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.report.ReportSummary;
import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** The steps both audit commands end with: write the report, print a summary line, choose the exit status. */
final class AuditRun {

    /** Exit status when a finding is at or above {@code --fail-on}. */
    static final int EXIT_FINDINGS = 1;

    /** Exit status for an invalid option, an unreadable input file or an unreachable engine. */
    static final int EXIT_USAGE = 2;

    private AuditRun() {
    }

    /** Writes {@code report} as {@code options} ask and returns the exit status. */
    static int finish(HostFindingsEvaluated report, BenchmarkCatalogue catalogue, ReportLocations locations,
            ReportOptions options, CommandSpec spec, String toolVersion) {
        PrintWriter out = spec.commandLine().getOut();
        boolean colour = !options.noColour && options.output == null && System.console() != null;
        String rendered = new ReportWriter(options.format, colour, options.remediation, toolVersion)
                .render(report, catalogue, locations);
        ReportWriter.write(rendered, options.output, out);
        ReportSummary summary = ReportSummary.of(report);
        boolean failed = options.failOn.failsOn(report);
        progress(options, spec, "Checks: " + summary.checks() + ", findings: " + summary.pass() + " PASS, "
                + summary.warn() + " WARN, " + summary.info() + " INFO, " + summary.note() + " NOTE"
                + (options.output == null ? "" : "; report written to " + options.output)
                + (failed ? "; failing because of --fail-on " + options.failOn.optionValue() : ""));
        return failed ? EXIT_FINDINGS : 0;
    }

    /** Prints one progress line on standard error unless {@code --quiet} is set. */
    static void progress(ReportOptions options, CommandSpec spec, String message) {
        if (!options.quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("fleetbench: " + message);
            err.flush();
        }
    }

    /** Prints an error on standard error, even with {@code --quiet}, and returns {@link #EXIT_USAGE}. */
    static int usageError(CommandSpec spec, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("fleetbench: " + message);
        err.flush();
        return EXIT_USAGE;
    }
}
