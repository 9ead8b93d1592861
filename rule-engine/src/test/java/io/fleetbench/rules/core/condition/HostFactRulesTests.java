package io.fleetbench.rules.core.condition;

import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.snapshot.AuditRules;
import io.fleetbench.model.snapshot.AuditWatch;
import io.fleetbench.model.snapshot.FileFacts;
import io.fleetbench.model.snapshot.FileType;
import io.fleetbench.model.snapshot.GroupFacts;
import io.fleetbench.model.snapshot.HostFacts;
import io.fleetbench.model.snapshot.SecurityModules;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.catalogue.Recommendation;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.CheckResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the host rules of sections 1 and 3 on host facts: maps shaped as the agent documents them, and a
 * {@link HostFacts} record converted the way every snapshot is.
 */
class HostFactRulesTests {

    private static final HostSnapshotCollected SNAPSHOT = snapshot().build();

    @Test
    void watchedDockerdBinaryPasses() {
        CheckResult result = evaluate("1.1.3", hostFacts(List.of(watch("/usr/bin/dockerd")), List.of()));

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.reason()).isEqualTo("a loaded audit rule watches /usr/bin/dockerd (host facts)");
    }

    @Test
    void unwatchedDockerdBinaryWarns() {
        CheckResult result = evaluate("1.1.3", hostFacts(List.of(watch("/etc/docker")), List.of()));

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.reason()).contains("no loaded audit rule watches /usr/bin/dockerd or");
    }

    @Test
    void socketFileAuditUsesSocketRole() {
        Map<String, Object> facts = hostFacts(List.of(watch("/var/run/docker.sock")),
                List.of(file("/run/docker.sock", "docker-socket", "root", "docker", 0660)));

        CheckResult result = evaluate("1.1.9", facts);

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.reason()).contains("/run/docker.sock");
    }

    @Test
    void worldWritableSocketWarnsAsBits() {
        Map<String, Object> facts = hostFacts(List.of(),
                List.of(file("/run/docker.sock", "docker-socket", "root", "docker", 0606)));

        CheckResult result = evaluate("3.16", facts);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.reason()).isEqualTo("/run/docker.sock has mode 0606, which allows more than 0660 (host facts)");
    }

    @Test
    void socketOwnedByOtherGroupWarns() {
        Map<String, Object> facts = hostFacts(List.of(),
                List.of(file("/run/docker.sock", "docker-socket", "root", "users", 0660)));

        CheckResult result = evaluate("3.15", facts);

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.reason()).isEqualTo("/run/docker.sock is owned by root:users (host facts)");
    }

    @Test
    void missingDaemonJsonDoesNotApply() {
        CheckResult result = evaluate("3.18", hostFacts(List.of(), List.of()));

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.reason()).contains("so this does not apply");
    }

    @Test
    void dataRootAuditFollowsConfiguredRoot() {
        Map<String, Object> facts = new java.util.HashMap<>(hostFacts(List.of(watch("/srv/docker")), List.of()));
        facts.put("dataRoot", "/srv/docker");

        CheckResult result = evaluate("1.1.5", facts);

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.reason()).contains("/srv/docker");
    }

    @Test
    void hostFactsRecordDecidesRules() {
        HostFacts record = new HostFacts("6.1.0", List.of(), null, "/var/lib/docker", "/", false,
                new GroupFacts("docker", 999L, List.of("alice")), SecurityModules.unknown(),
                new AuditRules(List.of("auditctl -l"),
                        List.of(new AuditWatch("/usr/bin/dockerd", "wa", "docker", "auditctl -l")), List.of(),
                        List.of()),
                List.of(new FileFacts("/run/docker.sock", "docker-socket", true, FileType.SOCKET, 0L, "root", 999L,
                        "docker", 0660, null, null)),
                null, null, List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> facts = (Map<String, Object>) SnapshotValues.convert(record);

        assertThat(evaluate("1.1.3", facts).status()).isEqualTo(Status.PASS);
        assertThat(evaluate("3.16", facts).reason()).isEqualTo("/run/docker.sock has mode 0660 (host facts)");
        assertThat(evaluate("3.15", facts).status()).isEqualTo(Status.PASS);
        assertThat(evaluate("1.1.1", facts).status()).isEqualTo(Status.WARN);
        assertThat(evaluate("1.1.2", facts).reason()).contains("the members alice");
    }

    private static CheckResult evaluate(String id, Map<String, Object> hostFacts) {
        Recommendation recommendation = BundledRules.catalogue("1.8.0").recommendation(id).orElseThrow();
        Check check = BundledRules.registry().find(recommendation.key()).orElseThrow();
        if (check instanceof ConditionCheck condition) {
            check = condition.withParams(recommendation.params());
        }
        CheckContext context = new CheckContext(SNAPSHOT);
        context.derived(SnapshotValues.class, snapshot -> new SnapshotValues(snapshot, hostFacts));

        List<CheckResult> results = check.evaluate(context);

        assertThat(results).as("results of %s", id).hasSize(1);
        return results.get(0);
    }

    private static Map<String, Object> hostFacts(List<Map<String, Object>> watches, List<Map<String, Object>> files) {
        return Map.of(
                "auditRules", Map.of("watches", watches, "syscallRules", List.of(), "errors", List.of()),
                "files", files,
                "mounts", List.of(),
                "securityModules", Map.of("active", List.of()));
    }

    private static Map<String, Object> watch(String path) {
        return Map.of("path", path, "permissions", "wa", "key", "docker", "source", "auditctl -l");
    }

    private static Map<String, Object> file(String path, String role, String owner, String group, long mode) {
        return Map.of("path", path, "role", role, "type", "SOCKET", "uid", 0L, "owner", owner, "gid", 999L,
                "group", group, "mode", mode);
    }
}
