package io.fleetbench.rules.core.evaluation;

import static io.fleetbench.rules.core.TestSnapshots.bind;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.engine;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.rules.core.BundledRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases where a naive reading of the facts would pass a host that does not meet the recommendation. */
class TrustedVerdictsTests {

    private final AuditEvaluator evaluator = BundledRules.evaluator("1.8.0",
            Clock.fixed(Instant.parse("2026-12-04T21:00:00Z"), ZoneOffset.UTC));

    @Test
    void noNewPrivilegesFalseIsNotPass() {
        Finding finding = only("5.26", "container:web",
                snapshot().containers(container("web").securityOpt("no-new-privileges=false")).build());

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.reason()).contains("'no-new-privileges=false'");
    }

    @Test
    void daemonNoNewPrivilegesFalseStringWarns() {
        Finding finding = only("2.15", "daemon", snapshot().commandLine("no-new-privileges", "false").build());

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.reason()).contains("no-new-privileges is false in the dockerd command line");
    }

    @Test
    void readOnlySocketBindStillWarns() {
        Finding finding = only("5.32", "container:web", snapshot()
                .containers(container("web").mounts(bind("/var/run/docker.sock", "/var/run/docker.sock", false)))
                .build());

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.reason()).contains("(read-only)");
    }

    @Test
    void socketThroughParentFolderWarns() {
        Finding finding = only("5.32", "container:web",
                snapshot().containers(container("web").mounts(bind("/run", "/run", true))).build());

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.reason()).contains("folder /run at /run (read-write), which contains");
    }

    @Test
    void appArmorWithoutLsmIsInfo() {
        Finding finding = only("5.2", "container:web", snapshot().containers(container("web")).build());

        assertThat(finding.status()).isEqualTo(Status.INFO);
        assertThat(finding.reason()).contains("AppArmor is not active on this host");
    }

    @Test
    void appArmorUnconfinedWarnsWithLsm() {
        HostSnapshotCollected snapshot = snapshot()
                .engine(engine().securityOptions("name=apparmor", "name=seccomp,profile=default"))
                .containers(container("web").securityOpt("apparmor=unconfined"), container("ok"))
                .build();

        assertThat(only("5.2", "container:web", snapshot).status()).isEqualTo(Status.WARN);
        assertThat(only("5.2", "container:ok", snapshot).status()).isEqualTo(Status.PASS);
        assertThat(only("5.2", "container:ok", snapshot).reason()).isEqualTo("AppArmorProfile is docker-default");
    }

    @Test
    void selinuxWithoutLsmIsInfo() {
        Finding finding = only("5.3", "container:web", snapshot().containers(container("web")).build());

        assertThat(finding.status()).isEqualTo(Status.INFO);
        assertThat(finding.reason()).contains("SELinux is not active in the engine");
    }

    @Test
    void daemonSettingNamesItsSource() {
        Finding fromCommandLine = only("2.4", "daemon", snapshot().commandLine("iptables", false).build());
        Finding fromFile = only("2.4", "daemon", snapshot().daemonJson("iptables", false).build());
        Finding unset = only("2.4", "daemon", snapshot().build());

        assertThat(fromCommandLine.status()).isEqualTo(Status.WARN);
        assertThat(fromCommandLine.reason()).isEqualTo("iptables is false in the dockerd command line");
        assertThat(fromFile.reason()).isEqualTo("iptables is false in /etc/docker/daemon.json");
        assertThat(unset.status()).isEqualTo(Status.PASS);
        assertThat(unset.reason()).contains("so the daemon default true applies");
    }

    @Test
    void singularAuthorizationKeyIsNotPass() {
        Finding finding = only("2.13", "daemon",
                snapshot().daemonJson("authorization-plugin", List.of("opa-docker-authz")).build());

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.reason()).contains("dockerd ignores this singular key");
    }

    @Test
    void singularUlimitKeyIsNotPass() {
        Finding finding = only("2.9", "daemon", snapshot().daemonJson("default-ulimit", "nofile=1024:2048").build());

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.reason()).contains("default-ulimit is set in /etc/docker/daemon.json");
    }

    @Test
    void tcpListenerWithoutTlsWarns() {
        Finding finding = only("2.8", "daemon",
                snapshot().daemonJson("hosts", List.of("unix:///run/docker.sock", "tcp://0.0.0.0:2375")).build());

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.reason()).contains("dockerd listens on tcp://0.0.0.0:2375");
    }

    @Test
    void hostRulesReportMissingHostFacts() {
        Finding finding = only("1.1.9", "host", snapshot().build());

        assertThat(finding.status()).isEqualTo(Status.INFO);
        assertThat(finding.reason()).contains("host facts not collected").contains("API socket file itself");
    }

    @Test
    void privilegedHostPortWarns() {
        Finding finding = only("5.8", "container:web", snapshot().containers(container("web").ports(
                new io.fleetbench.model.snapshot.PortBindingFacts("80/tcp", "127.0.0.1", "80"),
                new io.fleetbench.model.snapshot.PortBindingFacts("443/tcp", "127.0.0.1", "8443"))).build());

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.reason()).isEqualTo("host ports below 1024 published: 80 -> 80/tcp");
    }

    private Finding only(String id, String targetKey, HostSnapshotCollected snapshot) {
        List<Finding> findings = evaluator.evaluate(snapshot).findings().stream()
                .filter(finding -> finding.checkId().equals(id) && finding.targetKey().equals(targetKey))
                .toList();
        assertThat(findings).as("findings of %s on %s", id, targetKey).hasSize(1);
        return findings.get(0);
    }
}
