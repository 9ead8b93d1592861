package io.fleetbench.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import io.fleetbench.collector.engine.DockerClientFactory;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs {@code fleetbench audit} against the real engine on the default socket, with two containers of its own. */
class AuditCommandIntegrationTests {

    private static final URI ENGINE = URI.create("unix:///var/run/docker.sock");

    private static final String LABEL = "io.fleetbench.audit-test";

    private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);

    private static final List<String> CREATED = new ArrayList<>();

    private static DockerClient docker;

    private static CommandLineRun run;

    @BeforeAll
    static void auditEngineWithTwoPrivilegedContainers() {
        docker = DockerClientFactory.create(ENGINE, Duration.ofSeconds(30));
        try {
            docker.pingCmd().exec();
        } catch (RuntimeException e) {
            assumeTrue(false, "Skipped because no Docker engine answers on " + ENGINE + ": " + e.getMessage());
        }
        // Privileged containers cannot start in this sandbox, but created ones are inspected like running ones.
        create("fleetbench-audit-kept-" + RUN_ID, "keep");
        create("fleetbench-audit-skipped-" + RUN_ID, "skip");

        run = CommandLineRun.of("audit", "--format", "json", "--checks", "5.5", "--fail-on", "warn",
                "--exclude-containers", "label=" + LABEL + "=skip-" + RUN_ID);
    }

    private static void create(String name, String role) {
        String id = docker.createContainerCmd("local/busybox:1")
                .withName(name)
                .withCmd("/bin/sleep", "600")
                .withLabels(Map.of(LABEL, role + "-" + RUN_ID))
                .withHostConfig(HostConfig.newHostConfig().withPrivileged(true).withNetworkMode("none"))
                .exec()
                .getId();
        CREATED.add(id);
    }

    @AfterAll
    static void removeContainers() throws IOException {
        if (docker == null) {
            return;
        }
        for (String id : CREATED) {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
        docker.close();
    }

    @Test
    void privilegedContainerFailsTheGate() throws IOException {
        JsonNode json = new ObjectMapper().readTree(run.out());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(json.at("/report/findings")).anySatisfy(finding -> {
            assertThat(finding.get("targetKey").asText()).isEqualTo("container:fleetbench-audit-kept-" + RUN_ID);
            assertThat(finding.get("status").asText()).isEqualTo("WARN");
        });
        assertThat(json.at("/summary/warn").asLong()).isPositive();
    }

    @Test
    void excludedContainerIsNotAudited() {
        assertThat(run.out()).doesNotContain("fleetbench-audit-skipped-" + RUN_ID);
    }

    @Test
    void checkSelectionKeepsOnlyRequestedCheck() throws IOException {
        JsonNode json = new ObjectMapper().readTree(run.out());

        assertThat(json.at("/report/findings"))
                .allSatisfy(finding -> assertThat(finding.get("checkId").asText()).isEqualTo("5.5"));
    }

    @Test
    void hostFactsDecideHostChecks() throws IOException {
        CommandLineRun hostChecks = CommandLineRun.of("audit", "--format", "json", "--checks", "1.1.1,3.1,2.4");
        JsonNode findings = new ObjectMapper().readTree(hostChecks.out()).at("/report/findings");

        assertThat(findings).as(hostChecks.err()).isNotEmpty();
        assertThat(findings).allSatisfy(finding -> assertThat(finding.get("reason").asText())
                .as("the audit collects host facts as the agent does")
                .doesNotContain("host facts not collected"));
    }

    @Test
    void progressGoesToStandardError() {
        assertThat(run.err()).contains("fleetbench: Collecting ").contains(" containers");
        assertThat(run.out()).doesNotContain("Collecting");
    }
}
