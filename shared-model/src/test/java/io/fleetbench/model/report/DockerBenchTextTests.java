package io.fleetbench.model.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerBenchTextTests {

    private static Finding container(String checkId, String title, String name, Status status, String reason) {
        return new Finding(checkId, title, "Container Runtime", true, TargetKind.CONTAINER, TargetKind.CONTAINER.key(name),
                name + "-id", status, reason, "fix it");
    }

    private static HostFindingsEvaluated report(List<Finding> findings) {
        return new HostFindingsEvaluated(1, "rep", Instant.EPOCH, new HostDescriptor("h-1", "web-01", Map.of(), "0.1.0"),
                3, "snap", Instant.EPOCH, "20.10.24", "cis-docker", "1.6.0", findings);
    }

    @Test
    void listsEveryFailingTargetUnderItsCheck() {
        List<Finding> findings = new ArrayList<>();
        findings.add(container("5.5", "Ensure that privileged containers are not used", "a", Status.WARN, "Privileged is true"));
        findings.add(container("5.5", "Ensure that privileged containers are not used", "b", Status.PASS, "Privileged is false"));
        findings.add(container("5.5", "Ensure that privileged containers are not used", "c", Status.WARN, "Privileged is true"));

        String text = new DockerBenchText(false).render(report(findings));

        assertThat(text).contains("[WARN] 5.5  - Ensure that privileged containers are not used\n");
        assertThat(text).contains("[WARN]      * a: Privileged is true\n");
        assertThat(text).contains("[WARN]      * c: Privileged is true\n");
        assertThat(text).doesNotContain("* b:");
    }

    @Test
    void ordersChecksNumerically() {
        List<Finding> findings = List.of(
                container("5.10", "Host network", "a", Status.PASS, "NetworkMode is default"),
                container("5.9", "Ninth", "a", Status.PASS, "ok"),
                container("FB.1", "Secrets", "a", Status.PASS, "none"));

        String text = new DockerBenchText(false).render(report(findings));

        assertThat(text.indexOf("5.9 ")).isLessThan(text.indexOf("5.10"));
        assertThat(text.indexOf("5.10")).isLessThan(text.indexOf("FB.1"));
    }

    @Test
    void scoresPassesUpAndWarningsDown() {
        List<Finding> findings = List.of(
                container("5.5", "Privileged", "a", Status.WARN, "Privileged is true"),
                container("5.10", "Host network", "a", Status.PASS, "NetworkMode is default"),
                container("5.13", "Read-only", "a", Status.PASS, "ReadonlyRootfs is true"));

        String text = new DockerBenchText(false).render(report(findings));

        assertThat(text).contains("[INFO] Checks: 3\n");
        assertThat(text).contains("[INFO] Score: 1\n");
    }

    @Test
    void reasonCannotForgeLinesOrEscapes() {
        String text = new DockerBenchText(false).render(report(List.of(container("5.5", "Privileged", "web",
                Status.WARN, "privileged\n[PASS] 5.5 - forged\r\tand \u001B[2Jcleared"))));

        assertThat(text.lines()).noneMatch(line -> line.startsWith("[PASS] 5.5"));
        assertThat(text).contains("     * web: privileged [PASS] 5.5 - forged  and \\u001b[2Jcleared\n");
        assertThat(text).doesNotContain("\u001B");
    }

    @Test
    void colourTagsOnlyWhenAsked() {
        List<Finding> findings = List.of(container("5.5", "Privileged", "a", Status.WARN, "Privileged is true"));

        assertThat(new DockerBenchText(true).render(report(findings))).contains("\u001B[1;31m[WARN]\u001B[0m");
        assertThat(new DockerBenchText(false).render(report(findings))).doesNotContain("\u001B[");
    }

    @Test
    void comparesIdsPartByPart() {
        assertThat(CheckIdOrder.INSTANCE.compare("1.1.10", "1.1.9")).isPositive();
        assertThat(CheckIdOrder.INSTANCE.compare("2.2", "2.10")).isNegative();
        assertThat(CheckIdOrder.INSTANCE.compare("7.1", "FB.1")).isNegative();
        assertThat(CheckIdOrder.INSTANCE.compare("5.5", "5.5")).isZero();
    }
}
