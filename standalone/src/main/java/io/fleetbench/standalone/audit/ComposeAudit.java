package io.fleetbench.standalone.audit;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.model.report.FindingLocation;
import io.fleetbench.model.report.FindingLocator;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import io.fleetbench.rules.core.catalogue.Recommendation;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.CheckRegistry;
import io.fleetbench.rules.core.check.CheckResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.Node;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Audits a compose file before deployment. Each service becomes the container facts the engine would report, and
 * the rule core's own catalogue and checks evaluate them, so a compose file and a running container get the same
 * verdicts. Only container findings are kept: the daemon, the host and images are not in a compose file. The daemon
 * is assumed to run with its defaults, which matters for checks that fall back to a daemon setting, such as
 * no-new-privileges.
 *
 * <p>Each finding that did not pass points at the setting that decided it: the offending entry of a list setting
 * (a volume, a capability, a variable, a port, a security option), else the setting's key, else the service name
 * where the setting is missing.
 */
final class ComposeAudit {

    private static final JsonMapper MAPPER = EventCodec.mapper();

    /** The compose settings each check reads, by check key; a dotted path is nested under the service. */
    private static final Map<String, List<String>> SETTINGS = Map.ofEntries(
            Map.entry("no-privileged-containers", List.of("privileged")),
            Map.entry("no-host-network-mode", List.of("network_mode")),
            Map.entry("no-host-pid-namespace", List.of("pid")),
            Map.entry("no-added-capabilities", List.of("cap_add")),
            Map.entry("no-docker-socket-mounted", List.of("volumes")),
            Map.entry("no-sensitive-host-directories-mounted", List.of("volumes")),
            Map.entry("no-plain-text-secrets-in-environment", List.of("environment")),
            Map.entry("memory-limited", List.of("mem_limit", "deploy.resources.limits.memory")),
            Map.entry("pids-limited", List.of("pids_limit", "deploy.resources.limits.pids")),
            Map.entry("read-only-root-filesystem", List.of("read_only")),
            Map.entry("no-new-privileges-in-containers", List.of("security_opt")),
            Map.entry("seccomp-not-unconfined", List.of("security_opt")),
            Map.entry("ports-bound-to-specific-interface", List.of("ports")),
            Map.entry("cpu-priority-set", List.of("cpu_shares", "cpus", "deploy.resources.limits.cpus")),
            Map.entry("containers-run-as-non-root", List.of("user")));

    /**
     * The checks whose verdict one entry of a list setting can decide alone. The no-new-privileges check is not
     * among them, because it also fails when no entry is there.
     */
    private static final Set<String> ENTRY_CHECKS = Set.of("no-added-capabilities", "no-docker-socket-mounted",
            "no-sensitive-host-directories-mounted", "no-plain-text-secrets-in-environment",
            "ports-bound-to-specific-interface", "seccomp-not-unconfined");

    private final ComposeFile file;
    private final BenchmarkCatalogue catalogue;
    private final CheckRegistry registry = BundledRules.registry();
    private final Clock clock;
    private final String version;

    ComposeAudit(ComposeFile file, String benchmarkVersion, Clock clock, String version) {
        this.file = file;
        this.catalogue = BundledRules.catalogue(benchmarkVersion);
        this.clock = clock;
        this.version = version;
    }

    BenchmarkCatalogue catalogue() {
        return catalogue;
    }

    /**
     * Evaluates every service and returns the report of its container findings.
     *
     * <p>NOTE: the snapshot has no images, because a compose file names them without their configuration. So the
     * non-root check (4.1) warns for a service without {@code user:} even where its image sets a non-root USER.
     */
    HostFindingsEvaluated evaluate() {
        List<ContainerFacts> containers = file.services().stream().map(ComposeService::facts).toList();
        HostFindingsEvaluated report = BundledRules.evaluator(catalogue.version(), clock).evaluate(snapshot(containers));
        List<Finding> containerFindings = report.findings().stream()
                .filter(finding -> finding.targetKind() == TargetKind.CONTAINER)
                .toList();
        return new HostFindingsEvaluated(report.schemaVersion(), report.eventId(), report.occurredAt(), report.host(),
                report.snapshotSequence(), report.snapshotEventId(), report.snapshotCollectedAt(),
                report.engineVersion(), report.benchmarkId(), report.benchmarkVersion(), containerFindings);
    }

    /** Returns a locator that places each finding of {@link #evaluate()} that did not pass in the compose file. */
    FindingLocator locator(HostFindingsEvaluated report) {
        Map<Finding, FindingLocation> locations = new HashMap<>();
        for (Finding finding : report.findings()) {
            if (finding.status() == Status.PASS) {
                continue;
            }
            service(finding.targetKey()).ifPresent(service -> locations.put(finding, locate(finding, service)));
        }
        return finding -> Optional.ofNullable(locations.get(finding));
    }

    private Optional<ComposeService> service(String targetKey) {
        return file.services().stream()
                .filter(service -> TargetKind.CONTAINER.key(service.containerName()).equals(targetKey))
                .findFirst();
    }

    private FindingLocation locate(Finding finding, ComposeService service) {
        String checkKey = catalogue.recommendation(finding.checkId()).map(Recommendation::key).orElse("");
        List<String> settings = SETTINGS.getOrDefault(checkKey, List.of());
        if (ENTRY_CHECKS.contains(checkKey)) {
            Node entry = offendingEntry(checkKey, settings.get(0), service, finding.status());
            if (entry != null) {
                return location(entry);
            }
        }
        for (String setting : settings) {
            Node key = service.key(setting.split("\\."));
            if (key != null) {
                return location(key);
            }
        }
        return location(service.nameNode());
    }

    /**
     * Returns the first entry of {@code setting} that gives {@code status} when the check evaluates that entry
     * alone, or {@code null} where no single entry does.
     */
    private @Nullable Node offendingEntry(String checkKey, String setting, ComposeService service, Status status) {
        Check check = registry.find(checkKey).orElse(null);
        if (check == null) {
            return null;
        }
        List<Node> entries = service.entries(setting);
        for (int index = 0; index < entries.size(); index++) {
            CheckContext context = new CheckContext(snapshot(List.of(service.facts(setting, index))));
            for (CheckResult result : check.evaluate(context)) {
                if (result.status() == status) {
                    return entries.get(index);
                }
            }
        }
        return null;
    }

    private FindingLocation location(Node node) {
        return new FindingLocation(file.path().toString(), node.getStartMark().getLine() + 1,
                node.getStartMark().getColumn() + 1);
    }

    /**
     * Builds a snapshot of {@code containers} through the snapshot's JSON form, so fields that later versions add
     * to the record take their defaults here.
     */
    private HostSnapshotCollected snapshot(List<ContainerFacts> containers) {
        String path = file.path().toString();
        ObjectNode tree = MAPPER.createObjectNode();
        tree.put("schemaVersion", HostSnapshotCollected.SCHEMA_VERSION);
        tree.put("eventId", UUID.nameUUIDFromBytes(("compose:" + path).getBytes(StandardCharsets.UTF_8)).toString());
        tree.put("occurredAt", clock.instant().toString());
        ObjectNode host = tree.putObject("host");
        host.put("id", hostId(file.path().getFileName() == null ? "compose" : file.path().getFileName().toString()));
        host.put("name", path);
        host.put("agentVersion", version);
        tree.put("sequence", 1);
        tree.put("trigger", "compose-file");
        ObjectNode engine = tree.putObject("engine");
        engine.put("serverVersion", "not deployed");
        tree.set("containers", MAPPER.valueToTree(containers));
        tree.set("networks", MAPPER.valueToTree(file.networks()));
        return MAPPER.treeToValue(tree, HostSnapshotCollected.class);
    }

    /** Returns {@code compose-<file name>} in the host id alphabet. */
    static String hostId(String fileName) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._:-]", "_");
        String id = "compose-" + safe;
        return id.length() > 128 ? id.substring(0, 128) : id;
    }
}
