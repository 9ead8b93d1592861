package io.fleetbench.model.report;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an audit report as a SARIF 2.1.0 log for code-scanning dashboards. The tool driver is {@code fleetbench}
 * and its rules are the report's recommendations. Each finding that did not pass becomes a result: WARN is level
 * {@code error}, INFO {@code warning} and NOTE {@code note}. A result's location is the file position where the
 * locator gives one, else a logical location named by the target key. Its partial fingerprint is the finding key
 * (host id, benchmark version, check id, target key), so dashboards track one finding across runs.
 *
 * <p>{@link #fleetRun} writes the reports of many hosts into one run, piece by piece, for a streamed fleet export.
 */
public final class SarifLog {

    /** The schema URI that SARIF 2.1.0 consumers recognise. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /**
     * The {@code uriBaseId} of file locations that are relative to the folder the audit ran in. Code-scanning tools
     * that show results against a repository checkout resolve {@code %SRCROOT%} to the checkout's root.
     */
    public static final String SOURCE_ROOT = "%SRCROOT%";

    /** The key of the finding-key fingerprint in {@code partialFingerprints}. */
    public static final String FINDING_KEY_FINGERPRINT = "fleetbenchFindingKey/v1";

    private static final JsonMapper MAPPER = EventCodec.mapper();

    private final String toolVersion;

    /** Creates a renderer that names {@code toolVersion} as the fleetbench driver's version. */
    public SarifLog(String toolVersion) {
        this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
    }

    /** Renders {@code report} with rules described from its own findings and no file locations. */
    public String render(HostFindingsEvaluated report) {
        return render(report, RuleDescription.fromFindings(report), FindingLocator.NONE);
    }

    /**
     * Renders {@code report} like {@link #render(HostFindingsEvaluated)}, and marks each result for which
     * {@code acceptance} gives a justification as suppressed: an external suppression with status accepted, which
     * code-scanning tools show as dismissed instead of open.
     */
    public String render(HostFindingsEvaluated report, Function<Finding, Optional<String>> acceptance) {
        return render(report, RuleDescription.fromFindings(report), FindingLocator.NONE, null, acceptance);
    }

    /**
     * Renders {@code report}.
     *
     * @param rules the recommendations to list as rules; each finding's check id must be among them
     * @param locator gives file positions for file audits, or {@link FindingLocator#NONE}
     * @throws IllegalArgumentException if a finding's check id has no rule
     */
    public String render(HostFindingsEvaluated report, List<RuleDescription> rules, FindingLocator locator) {
        return render(report, rules, locator, null, finding -> Optional.empty());
    }

    /**
     * Renders {@code report} with file locations that stay valid in any checkout of the audited files. A location
     * whose URI is a relative reference gets the {@code uriBaseId} {@link #SOURCE_ROOT}, and the run declares
     * {@code sourceRoot} as that base in {@code originalUriBaseIds}. A location with an absolute URI, such as
     * {@code file:///srv/compose.yaml}, is written as it is.
     *
     * @param rules the recommendations to list as rules; each finding's check id must be among them
     * @param locator gives file positions whose URIs are percent-encoded URI references (RFC 3986)
     * @param sourceRoot the absolute URI of the folder that relative locations start from, ending with {@code /}
     * @throws IllegalArgumentException if a finding's check id has no rule, {@code sourceRoot} is not an absolute
     *         folder URI, or a location's URI is not a valid URI reference, is empty or starts with {@code /}
     */
    public String render(HostFindingsEvaluated report, List<RuleDescription> rules, FindingLocator locator,
            URI sourceRoot) {
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        if (!sourceRoot.isAbsolute() || sourceRoot.isOpaque() || !sourceRoot.getRawPath().endsWith("/")) {
            // SARIF 2.1.0 (section 3.14.14) requires an originalUriBaseIds URI without a base to be absolute and to
            // end with a slash.
            throw new IllegalArgumentException("source root " + sourceRoot + " is not an absolute folder URI: pass "
                    + "one such as file:///work/repository/, ending with a slash");
        }
        return render(report, rules, locator, sourceRoot, finding -> Optional.empty());
    }

    private String render(HostFindingsEvaluated report, List<RuleDescription> rules, FindingLocator locator,
            @Nullable URI sourceRoot, Function<Finding, Optional<String>> acceptance) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();

        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "fleetbench");
        driver.put("version", toolVersion);
        driver.put("informationUri", "https://www.cisecurity.org/benchmark/docker");
        ArrayNode ruleNodes = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleDescription rule : rules) {
            ruleIndex.put(rule.id(), ruleIndex.size());
            ruleNodes.add(ruleNode(rule, report.benchmarkVersion()));
        }

        if (sourceRoot != null) {
            run.putObject("originalUriBaseIds").putObject(SOURCE_ROOT).put("uri", sourceRoot.toString());
        }

        ObjectNode properties = run.putObject("properties");
        properties.put("hostId", report.hostId());
        properties.put("hostName", report.host().name());
        properties.put("engineVersion", report.engineVersion());
        properties.put("benchmark", report.benchmarkId() + " " + report.benchmarkVersion());
        properties.put("evaluatedAt", report.occurredAt().toString());

        ArrayNode results = run.putArray("results");
        for (Finding finding : report.findings()) {
            if (finding.status() == Status.PASS) {
                continue;
            }
            Integer index = ruleIndex.get(finding.checkId());
            if (index == null) {
                throw new IllegalArgumentException("finding " + finding.checkId() + " on " + finding.targetKey()
                        + " has no rule in the SARIF rules: pass a rule list that covers every check of the report");
            }
            ObjectNode result = resultNode(report, finding, index, locator.locate(finding), sourceRoot != null);
            acceptance.apply(finding).ifPresent(justification -> suppress(result, justification));
            results.add(result);
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * Starts a log with one run for the reports of many hosts, written piece by piece so that a caller can stream
     * it. Each benchmark version's rules become a tool extension, because check ids of different benchmark versions
     * name different recommendations.
     *
     * @param rulesByBenchmarkVersion the rules of each benchmark version whose findings the run will contain
     */
    public FleetRun fleetRun(Map<String, List<RuleDescription>> rulesByBenchmarkVersion) {
        return new FleetRun(toolVersion, rulesByBenchmarkVersion);
    }

    private static ObjectNode ruleNode(RuleDescription rule, String benchmarkVersion) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", rule.id());
        node.put("name", rule.name());
        node.putObject("shortDescription").put("text", rule.title());
        if (rule.remediation() != null) {
            node.putObject("help").put("text", rule.remediation().strip());
        }
        ObjectNode properties = node.putObject("properties");
        properties.put("section", rule.section());
        properties.put("scored", rule.scored());
        properties.put("benchmarkVersion", benchmarkVersion);
        return node;
    }

    /**
     * Builds the result of {@code finding}. With {@code relativeToSourceRoot}, a location whose URI is relative gets
     * the {@link #SOURCE_ROOT} base id.
     */
    private static ObjectNode resultNode(HostFindingsEvaluated report, Finding finding, int ruleIndex,
            Optional<FindingLocation> location, boolean relativeToSourceRoot) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ruleId", finding.checkId());
        node.put("ruleIndex", ruleIndex);
        node.put("level", level(finding.status()));
        node.putObject("message").put("text", finding.targetKey() + ": " + finding.reason());
        ObjectNode locationNode = node.putArray("locations").addObject();
        if (location.isPresent()) {
            ObjectNode physical = locationNode.putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", location.get().uri());
            if (relativeToSourceRoot && isRelative(location.get().uri())) {
                artifact.put("uriBaseId", SOURCE_ROOT);
            }
            ObjectNode region = physical.putObject("region");
            region.put("startLine", location.get().line());
            region.put("startColumn", location.get().column());
        }
        ObjectNode logical = locationNode.putArray("logicalLocations").addObject();
        logical.put("name", finding.targetKey());
        logical.put("fullyQualifiedName", report.hostId() + "/" + finding.targetKey());
        logical.put("kind", "resource");
        node.putObject("partialFingerprints").put(FINDING_KEY_FINGERPRINT, String.join("/", report.hostId(),
                report.benchmarkVersion(), finding.checkId(), finding.targetKey()));
        return node;
    }

    /**
     * Returns whether {@code uri} is a relative-path reference, which needs a base.
     *
     * @throws IllegalArgumentException if it is no valid URI reference, is empty or starts with {@code /}
     */
    private static boolean isRelative(String uri) {
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("location URI '" + uri + "' is invalid (" + e.getReason()
                    + "): percent-encode the path as RFC 3986 requires, such as %20 for a space", e);
        }
        if (parsed.isAbsolute()) {
            return false;
        }
        if (parsed.getRawPath() == null || parsed.getRawPath().isEmpty() || parsed.getRawPath().startsWith("/")) {
            throw new IllegalArgumentException("location URI '" + uri + "' is neither absolute nor relative to the "
                    + "source root: give a file:// URI or a path relative to the source root");
        }
        return true;
    }

    private static void suppress(ObjectNode result, String justification) {
        ObjectNode suppression = result.putArray("suppressions").addObject();
        suppression.put("kind", "external");
        suppression.put("status", "accepted");
        suppression.put("justification", justification);
    }

    private static String level(Status status) {
        return switch (status) {
            case WARN -> "error";
            case INFO -> "warning";
            case NOTE, PASS -> "note";
        };
    }

    /**
     * One SARIF run over many hosts, written as text pieces: {@link #start()} first, {@link #results} once per host,
     * then {@link #finish()}. The pieces concatenated form one pretty-printed SARIF 2.1.0 log.
     *
     * <p>The driver has no rules of its own. Each result refers to its rule in the extension of its benchmark version
     * through {@code rule.toolComponent}, and carries the host in three places: the logical location's fully
     * qualified name ({@code hostId/targetKey}), the finding-key fingerprint, and the {@code hostId} and
     * {@code hostName} properties. A result whose check has no rule in the extensions, because the host's report
     * changed after the caller read the rules, names its rule by {@code ruleId} alone.
     */
    public static final class FleetRun {

        private final String toolVersion;
        private final Map<String, List<RuleDescription>> rulesByBenchmarkVersion;
        private final Map<String, Integer> extensionIndex = new HashMap<>();
        private final Map<String, Map<String, Integer>> ruleIndexByVersion = new HashMap<>();
        private final StringWriter buffer = new StringWriter();
        private final JsonGenerator generator;

        private FleetRun(String toolVersion, Map<String, List<RuleDescription>> rulesByBenchmarkVersion) {
            this.toolVersion = toolVersion;
            this.rulesByBenchmarkVersion = new LinkedHashMap<>(rulesByBenchmarkVersion);
            this.generator = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(buffer);
        }

        /** Writes the log's head: the schema, the tool with one extension per benchmark version, and the run's start. */
        public String start() {
            ObjectNode tool = MAPPER.createObjectNode();
            ObjectNode driver = tool.putObject("driver");
            driver.put("name", "fleetbench");
            driver.put("version", toolVersion);
            driver.put("informationUri", "https://www.cisecurity.org/benchmark/docker");
            ArrayNode extensions = tool.putArray("extensions");
            for (Map.Entry<String, List<RuleDescription>> version : rulesByBenchmarkVersion.entrySet()) {
                extensionIndex.put(version.getKey(), extensions.size());
                ObjectNode extension = extensions.addObject();
                extension.put("name", "cis-docker-" + version.getKey());
                extension.put("fullName", "CIS Docker Benchmark " + version.getKey());
                extension.put("version", version.getKey());
                extension.put("informationUri", "https://www.cisecurity.org/benchmark/docker");
                ArrayNode rules = extension.putArray("rules");
                Map<String, Integer> ruleIndex = new HashMap<>();
                for (RuleDescription rule : version.getValue()) {
                    ruleIndex.put(rule.id(), rules.size());
                    rules.add(ruleNode(rule, version.getKey()));
                }
                ruleIndexByVersion.put(version.getKey(), ruleIndex);
            }

            generator.writeStartObject();
            generator.writeStringProperty("$schema", SCHEMA_URI);
            generator.writeStringProperty("version", "2.1.0");
            generator.writeName("runs");
            generator.writeStartArray();
            generator.writeStartObject();
            generator.writeName("tool");
            generator.writeTree(tool);
            generator.writeName("results");
            generator.writeStartArray();
            return drain();
        }

        /** Writes one result for each finding of {@code report} that did not pass. */
        public String results(HostFindingsEvaluated report) {
            return results(report, finding -> Optional.empty());
        }

        /**
         * Writes one result for each finding of {@code report} that did not pass, suppressed where
         * {@code acceptance} gives a justification, as {@link SarifLog#render(HostFindingsEvaluated, Function)} does.
         */
        public String results(HostFindingsEvaluated report, Function<Finding, Optional<String>> acceptance) {
            for (Finding finding : report.findings()) {
                if (finding.status() != Status.PASS) {
                    ObjectNode result = fleetResultNode(report, finding);
                    acceptance.apply(finding).ifPresent(justification -> suppress(result, justification));
                    generator.writeTree(result);
                }
            }
            return drain();
        }

        /** Closes the results, the run and the log. */
        public String finish() {
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeEndArray();
            generator.writeEndObject();
            generator.close();
            return drain() + "\n";
        }

        private ObjectNode fleetResultNode(HostFindingsEvaluated report, Finding finding) {
            ObjectNode node = resultNode(report, finding, 0, Optional.empty(), false);
            node.remove("ruleIndex");
            node.putObject("message").put("text",
                    report.host().name() + " (" + report.hostId() + ") " + finding.targetKey() + ": " + finding.reason());
            Integer extension = extensionIndex.get(report.benchmarkVersion());
            Integer ruleIndex = ruleIndexByVersion.getOrDefault(report.benchmarkVersion(), Map.of())
                    .get(finding.checkId());
            if (extension != null && ruleIndex != null) {
                ObjectNode rule = node.putObject("rule");
                rule.put("id", finding.checkId());
                rule.put("index", ruleIndex);
                rule.putObject("toolComponent").put("index", extension);
            }
            ObjectNode properties = node.putObject("properties");
            properties.put("hostId", report.hostId());
            properties.put("hostName", report.host().name());
            properties.put("benchmarkVersion", report.benchmarkVersion());
            return node;
        }

        private String drain() {
            generator.flush();
            StringBuffer written = buffer.getBuffer();
            String piece = written.toString();
            written.setLength(0);
            return piece;
        }
    }
}
