package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.report.DockerBenchText;
import io.fleetbench.model.report.JunitXml;
import io.fleetbench.model.report.ReportJson;
import io.fleetbench.model.report.RuleDescription;
import io.fleetbench.model.report.SarifLog;
import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import io.fleetbench.rules.core.catalogue.Recommendation;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Renders an audit report in the chosen format and writes it to standard output or a file. */
final class ReportWriter {

    private final OutputFormat format;
    private final boolean colour;
    private final boolean remediation;
    private final String toolVersion;

    /**
     * @param colour whether the text format may use ANSI colours; ignored for other formats
     * @param remediation whether the text format prints remediations
     * @param toolVersion the fleetbench version named in SARIF logs
     */
    ReportWriter(OutputFormat format, boolean colour, boolean remediation, String toolVersion) {
        this.format = format;
        this.colour = colour;
        this.remediation = remediation;
        this.toolVersion = toolVersion;
    }

    /**
     * Renders {@code report}, describing its checks from {@code catalogue} and placing findings at the
     * {@code locations} of the chosen format.
     */
    String render(HostFindingsEvaluated report, BenchmarkCatalogue catalogue, ReportLocations locations) {
        return switch (format) {
            case TEXT -> new DockerBenchText(colour, remediation, locations.asGiven()).render(report);
            case JSON -> ReportJson.render(report, locations.asGiven());
            case SARIF -> sarif(locations.withPortableHostName(report), catalogue, locations);
            case JUNIT -> JunitXml.render(locations.withPortableHostName(report), locations.junit());
        };
    }

    private String sarif(HostFindingsEvaluated report, BenchmarkCatalogue catalogue, ReportLocations locations) {
        SarifLog log = new SarifLog(toolVersion);
        List<RuleDescription> rules = rules(report, catalogue);
        URI sourceRoot = locations.sourceRoot();
        return sourceRoot == null ? log.render(report, rules, locations.sarif())
                : log.render(report, rules, locations.sarif(), sourceRoot);
    }

    /**
     * Writes {@code rendered} to {@code output}, or to {@code stdout} where it is {@code null}.
     *
     * @throws AuditUsageException when the file cannot be written
     */
    static void write(String rendered, @Nullable Path output, PrintWriter stdout) {
        if (output == null) {
            stdout.print(rendered);
            stdout.flush();
            return;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, rendered, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AuditUsageException("--output " + output + " cannot be written (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + "): choose a writable path", e);
        }
    }

    /** Describes every recommendation that has a finding in {@code report}, with the catalogue's names and texts. */
    static List<RuleDescription> rules(HostFindingsEvaluated report, BenchmarkCatalogue catalogue) {
        Set<String> reported = new LinkedHashSet<>();
        for (Finding finding : report.findings()) {
            reported.add(finding.checkId());
        }
        return catalogue.recommendations().stream()
                .filter(recommendation -> reported.contains(recommendation.id()))
                .map(ReportWriter::describe)
                .toList();
    }

    private static RuleDescription describe(Recommendation recommendation) {
        return new RuleDescription(recommendation.id(), RuleDescription.pascalCase(recommendation.key()),
                recommendation.title(), recommendation.section(), recommendation.scored(),
                recommendation.remediation());
    }
}
