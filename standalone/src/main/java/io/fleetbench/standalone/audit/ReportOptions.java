package io.fleetbench.standalone.audit;

import io.fleetbench.rules.core.BundledRules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options that {@code fleetbench audit} and {@code fleetbench audit compose} share: what to check and report. */
final class ReportOptions {

    @Option(names = "--benchmark", paramLabel = "VERSION",
            description = "CIS Docker Benchmark version to evaluate, one of the bundled catalogues (default: the newest).")
    @Nullable String benchmark;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", converter = OutputFormat.Converter.class,
            description = "Report format: text (docker-bench-security's form), json, sarif (SARIF 2.1.0) or junit "
                    + "(JUnit XML) (default: ${DEFAULT-VALUE}).")
    OutputFormat format = OutputFormat.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    @Nullable Path output;

    @Option(names = "--no-color", negatable = false, description = "Print the text report without ANSI colours.")
    boolean noColour;

    @Option(names = "--checks", paramLabel = "ID", split = ",",
            description = "Report only these checks: recommendation ids (5.5) or section prefixes (5), comma-separated.")
    List<String> checks = new ArrayList<>();

    @Option(names = "--exclude-checks", paramLabel = "ID", split = ",",
            description = "Leave these checks out: recommendation ids or section prefixes, comma-separated.")
    List<String> excludeChecks = new ArrayList<>();

    @Option(names = "--remediation", negatable = false,
            description = "Print the remediation under each failing check of the text report.")
    boolean remediation;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "none", converter = FailLevel.Converter.class,
            description = "Exit with status 1 when a finding is at or above LEVEL: warn, info or none "
                    + "(default: ${DEFAULT-VALUE}).")
    FailLevel failOn = FailLevel.NONE;

    @Option(names = {"-q", "--quiet"}, negatable = false, description = "Print no progress messages on standard error.")
    boolean quiet;

    /**
     * Returns the benchmark version to evaluate: {@code --benchmark} when it names a bundled catalogue, else the newest
     * bundled one.
     *
     * @throws AuditUsageException when {@code --benchmark} names a version that is not bundled
     */
    String benchmarkVersion() {
        List<String> versions = BundledRules.versions();
        if (benchmark == null) {
            return versions.stream().max(Comparator.comparing(ReportOptions::versionKey)).orElseThrow(
                    () -> new IllegalStateException("This build bundles no benchmark catalogue"));
        }
        String wanted = benchmark.strip().startsWith("v") ? benchmark.strip().substring(1) : benchmark.strip();
        if (!versions.contains(wanted)) {
            throw new AuditUsageException("--benchmark '" + benchmark + "' is not a bundled CIS Docker Benchmark version:"
                    + " use one of " + String.join(", ", versions));
        }
        return wanted;
    }

    CheckSelection checkSelection() {
        return new CheckSelection(checks, excludeChecks);
    }

    /** Orders versions such as 1.6.0 and 1.10.0 numerically, by zero-padding each numeric part. */
    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(part.chars().allMatch(Character::isDigit) ? String.format("%08d", Long.parseLong(part)) : part)
                    .append('.');
        }
        return key.toString();
    }
}
