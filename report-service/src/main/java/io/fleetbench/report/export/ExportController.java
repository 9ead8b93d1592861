package io.fleetbench.report.export;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.report.DockerBenchText;
import io.fleetbench.model.report.FindingLocator;
import io.fleetbench.model.report.JunitXml;
import io.fleetbench.model.report.ReportJson;
import io.fleetbench.model.report.SarifLog;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Exports current results of one host or of the whole fleet, and serves the compliance view of a framework. The
 * fleet export is written as pages of hosts arrive from the database, with one page's findings at most in memory.
 */
@RestController
class ExportController {

    private final ExportQueries queries;
    private final ComplianceService compliance;
    /** The {@code name} of the fleet JUnit XML's {@code testsuites} element. */
    private static final String FLEET_JUNIT_NAME = "fleetbench audit of the fleet";

    private final DockerBenchText text = new DockerBenchText(false);
    private final SarifLog sarif = new SarifLog(toolVersion());

    ExportController(ExportQueries queries, ComplianceService compliance) {
        this.queries = queries;
        this.compliance = compliance;
    }

    /** Exports one host's current results as {@code text} (docker-bench form), {@code csv}, {@code json},
     * {@code sarif} (SARIF 2.1.0) or {@code junit} (JUnit XML). */
    @GetMapping("/api/v1/hosts/{hostId}/export")
    Mono<ResponseEntity<Flux<String>>> hostExport(@PathVariable String hostId,
            @RequestParam(required = false) @Nullable String format) {
        ExportFormat exportFormat = format(format);
        if (!HostDescriptor.ID_PATTERN.matcher(hostId).matches()) {
            throw badRequest("hostId", hostId, "Use 1 to 128 letters, digits, '.', '_', ':' or '-'");
        }
        return queries.host(hostId)
                .switchIfEmpty(Mono.error(() -> hostNotFound(hostId)))
                .flatMap(queries::hostFindings)
                .map(host -> {
                    Flux<String> body = switch (exportFormat) {
                        case CSV -> Flux.concat(Flux.just(CsvWriter.record(ExportedFinding.CSV_HEADER)),
                                Flux.fromIterable(host.findings())
                                        .map(finding -> CsvWriter.record(finding.csvFields())));
                        case TEXT -> Flux.just(text.render(host.report()));
                        case JSON -> Flux.just(ReportJson.render(host.report()));
                        case SARIF -> Flux.just(sarif.render(host.report(), host.acceptance()));
                        case JUNIT -> Flux.just(
                                JunitXml.render(host.report(), FindingLocator.NONE, host.acceptance()));
                    };
                    return response(exportFormat, "fleetbench-" + hostId, body);
                });
    }

    /**
     * Exports the current results of every host, streamed one page of hosts at a time: {@code text} one host after
     * the other, {@code csv} one row per finding, {@code json} as an array with one report per host, {@code sarif}
     * as one run with the host in each result, or {@code junit} with one test suite per host.
     */
    @GetMapping("/api/v1/fleet/export")
    ResponseEntity<Flux<String>> fleetExport(@RequestParam(required = false) @Nullable String format) {
        ExportFormat exportFormat = format(format);
        Flux<String> body = switch (exportFormat) {
            case CSV -> Flux.concat(Flux.just(CsvWriter.record(ExportedFinding.CSV_HEADER)),
                    queries.fleetHosts().concatMapIterable(host -> host.findings().stream()
                            .map(finding -> CsvWriter.record(finding.csvFields()))
                            .toList()));
            case TEXT -> queries.fleetHosts().map(host -> text.render(host.report()) + "\n");
            case JSON -> Flux.concat(Flux.just("["),
                    queries.fleetHosts().map(host -> ReportJson.render(host.report()))
                            .index()
                            .map(indexed -> (indexed.getT1() == 0 ? "\n" : ",\n") + indexed.getT2()),
                    Flux.just("\n]\n"));
            case SARIF -> queries.fleetRules().flatMapMany(rules -> {
                SarifLog.FleetRun run = sarif.fleetRun(rules);
                return Flux.concat(Mono.fromSupplier(run::start),
                        queries.fleetHosts().map(host -> run.results(host.report(), host.acceptance())),
                        Mono.fromSupplier(run::finish));
            });
            case JUNIT -> Flux.concat(Mono.fromSupplier(() -> JunitXml.fleetStart(FLEET_JUNIT_NAME)),
                    queries.fleetHosts().map(host -> JunitXml.fleetSuite(host.report(), host.acceptance())),
                    Mono.fromSupplier(JunitXml::fleetEnd));
        };
        return response(exportFormat, "fleetbench-fleet", body.filter(piece -> !piece.isEmpty()));
    }

    /** Serves the fleet's findings per control of one framework: {@code pci-dss-4.0}, {@code soc2}, {@code nist-800-190}. */
    @GetMapping("/api/v1/fleet/compliance/{framework}")
    Mono<ComplianceView> complianceView(@PathVariable String framework) {
        return compliance.view(framework.toLowerCase(Locale.ROOT)).orElseThrow(() -> badRequest("framework",
                framework, "Use one of " + String.join(", ", compliance.frameworkIds())));
    }

    private static ResponseEntity<Flux<String>> response(ExportFormat format, String baseName, Flux<String> body) {
        String extension = format.extension();
        return ResponseEntity.ok()
                .contentType(format.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(baseName + extension).build().toString())
                .body(body);
    }

    private static ExportFormat format(@Nullable String format) {
        String expected = "Use one of " + ExportFormat.parameterValues();
        if (format == null || format.isBlank()) {
            throw badRequest("format", "", expected);
        }
        ExportFormat parsed;
        try {
            parsed = ExportFormat.valueOf(format.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw badRequest("format", format, expected);
        }
        return parsed;
    }

    private static ErrorResponseException badRequest(String parameter, String value, String expected) {
        String abbreviatedValue = value.length() <= 64 ? value : value.substring(0, 64) + "…";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Parameter '" + parameter + "' has the invalid value '" + abbreviatedValue + "'. " + expected);
        problem.setTitle("Invalid request parameter");
        problem.setType(URI.create("urn:fleetbench:problem:invalid-parameter"));
        problem.setProperty("parameter", parameter);
        problem.setProperty("value", abbreviatedValue);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** Returns the version in the jar's manifest, or {@code development} when running from classes. */
    private static String toolVersion() {
        String version = ExportController.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static ErrorResponseException hostNotFound(String hostId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Host '" + hostId + "' is not found because no audit report for it has been stored. Check the id"
                        + " against GET /api/v1/hosts");
        problem.setTitle("Host not found");
        problem.setType(URI.create("urn:fleetbench:problem:host-not-found"));
        problem.setProperty("hostId", hostId);
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
