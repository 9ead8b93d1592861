package io.fleetbench.collector.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.collector.engine.EngineState;
import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.FileFacts;
import io.fleetbench.model.snapshot.FileType;
import io.fleetbench.model.snapshot.HostFacts;
import io.fleetbench.model.snapshot.SettingSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFactsCollectorTests {

    private static final URI DOCKER_HOST = URI.create("unix:///var/run/docker.sock");

    @TempDir
    Path folder;

    private FakeHostRoot host;

    @BeforeEach
    void buildHostRoot() throws IOException {
        host = FakeHostRoot.copy("debian-hardened", folder)
                .link("/var/run", "/run")
                .link("/etc/docker/daemon.json", "/srv/daemon.json")
                .socket("/run/docker.sock")
                .socket("/run/containerd/containerd.sock")
                .process(812, "/usr/bin/dockerd", List.of("/usr/bin/dockerd", "-H", "fd://",
                        "--config-file=/srv/daemon.json", "--icc=true", "--no-new-privileges",
                        "--registry-mirror", "https://mirror:s3cretPassw0rd@mirror.example.com"))
                .process(640, "/usr/bin/containerd", List.of("/usr/bin/containerd"));
        host.chmod("/etc/docker", 0755, 0, 0)
                .chmod("/etc/docker/tls/server-key.pem", 0400, 0, 0)
                .chmod("/etc/docker/tls/ca.pem", 0444, 0, 0)
                .chmod("/etc/docker/certs.d", 01777, 0, 0)
                .chmod("/etc/docker/certs.d/registry.example.com:5000/ca.crt", 0640, 1000, 999)
                .chmod("/lib/systemd/system/docker.service", 0644, 0, 0)
                .chmod("/etc/default/docker", 04755, 1001, 4242)
                .chmod("/run/docker.sock", 0660, 0, 999);
    }

    private HostFactsCollector.Collected collect() {
        EngineState engine = EngineFixtures.engineState(EngineFixtures.MIXED);
        return new HostFactsCollector(host.root(), DOCKER_HOST, "/etc/docker/daemon.json", Duration.ofSeconds(5))
                .collect(engine.info(), engine.networks());
    }

    @Test
    void fileFactsCarryOwnersAndModes() {
        HostFacts facts = collect().hostFacts();

        FileFacts key = facts.file("/etc/docker/tls/server-key.pem");
        assertThat(key.role()).isEqualTo("tls-key");
        assertThat(key.type()).isEqualTo(FileType.FILE);
        assertThat(key.octalMode()).isEqualTo("0400");
        assertThat(key.owner()).isEqualTo("root");
        assertThat(key.group()).isEqualTo("root");

        FileFacts certificate = facts.file("/etc/docker/certs.d/registry.example.com:5000/ca.crt");
        assertThat(certificate.role()).isEqualTo("registry-certificate");
        assertThat(certificate.uid()).isEqualTo(1000L);
        assertThat(certificate.owner()).isEqualTo("alice");
        assertThat(certificate.gid()).isEqualTo(999L);
        assertThat(certificate.group()).isEqualTo("docker");
        assertThat(certificate.octalMode()).isEqualTo("0640");

        assertThat(facts.file("/etc/docker/certs.d").octalMode()).isEqualTo("1777");
        assertThat(facts.file("/etc/docker/tls/ca.pem").role()).isEqualTo("tls-ca-certificate");
        assertThat(facts.file("/etc/docker/tls/server.pem").role()).isEqualTo("tls-certificate");
    }

    @Test
    void setuidAndUnknownGroupKept() {
        FileFacts defaults = collect().hostFacts().file("/etc/default/docker");

        assertThat(defaults.role()).isEqualTo("docker-defaults");
        assertThat(defaults.mode()).isEqualTo(04755);
        assertThat(defaults.octalMode()).isEqualTo("4755");
        assertThat(defaults.owner()).isEqualTo("deploy");
        assertThat(defaults.gid()).isEqualTo(4242L);
        assertThat(defaults.group()).isNull();
    }

    @Test
    void socketsAndLinksStayInRoot() {
        HostFacts facts = collect().hostFacts();

        FileFacts viaVarRun = facts.file("/var/run/docker.sock");
        assertThat(viaVarRun.type()).isEqualTo(FileType.SOCKET);
        assertThat(viaVarRun.group()).isEqualTo("docker");
        assertThat(viaVarRun.octalMode()).isEqualTo("0660");
        assertThat(facts.file("/run/docker.sock").type()).isEqualTo(FileType.SOCKET);
        assertThat(facts.file("/run/containerd/containerd.sock").role()).isEqualTo("containerd-socket");

        FileFacts link = facts.file("/etc/docker/daemon.json");
        assertThat(link.type()).isEqualTo(FileType.SYMLINK);
        assertThat(link.linkTarget()).isEqualTo("/srv/daemon.json");
        assertThat(facts.file("/srv/daemon.json").role()).isEqualTo("daemon.json");
        assertThat(facts.file("/etc/sysconfig/docker").exists()).isFalse();
        assertThat(facts.file("/etc/sysconfig/docker").type()).isEqualTo(FileType.MISSING);
    }

    @Test
    void unitFilesAndDropInsFound() {
        HostFacts facts = collect().hostFacts();

        assertThat(facts.file("/lib/systemd/system/docker.service").role()).isEqualTo("docker.service");
        assertThat(facts.file("/lib/systemd/system/docker.service").octalMode()).isEqualTo("0644");
        assertThat(facts.file("/lib/systemd/system/docker.socket").role()).isEqualTo("docker.socket");
        assertThat(facts.file("/etc/systemd/system/docker.service.d/override.conf").role())
                .isEqualTo("docker.service-drop-in");
        assertThat(facts.files()).noneMatch(file -> file.path().startsWith(folder.toString()));
    }

    @Test
    void mountsGroupsAndModulesRead() {
        HostFacts facts = collect().hostFacts();

        assertThat(facts.kernelRelease()).isEqualTo("6.1.0-28-amd64");
        assertThat(facts.mountTableSource()).isEqualTo("/proc/1/mountinfo");
        assertThat(facts.mounts()).extracting(mount -> mount.mountPoint())
                .containsExactly("/", "/proc", "/var/lib/docker", "/mnt/my disk");
        assertThat(facts.dataRoot()).isEqualTo("/var/lib/docker");
        assertThat(facts.dataRootMountPoint()).isEqualTo("/var/lib/docker");
        assertThat(facts.dataRootOnOwnPartition()).isTrue();
        assertThat(facts.dockerGroup().gid()).isEqualTo(999L);
        assertThat(facts.dockerGroup().members()).containsExactly("alice", "bob", "deploy");
        assertThat(facts.securityModules().active()).contains("apparmor");
        assertThat(facts.securityModules().appArmorEnabled()).isTrue();
        assertThat(facts.securityModules().seLinuxMode()).isEqualTo("disabled");
    }

    @Test
    void auditRulesFromRuleFiles() {
        HostFacts facts = collect().hostFacts();

        assertThat(facts.auditRules().sources()).containsExactly("/etc/audit/rules.d/docker.rules");
        assertThat(facts.auditRules().watches("/usr/bin/dockerd")).isTrue();
        assertThat(facts.auditRules().watches("/etc/docker")).isTrue();
        assertThat(facts.auditRules().watches("/run/containerd/containerd.sock")).isTrue();
        assertThat(facts.auditRules().watches("/var/lib/docker")).isFalse();
        assertThat(facts.auditRules().syscallRules()).hasSize(1);
    }

    @Test
    void dockerdFlagsMergedWithDaemonJson() {
        HostFactsCollector.Collected collected = collect();
        DaemonConfig daemon = collected.daemon();

        assertThat(collected.hostFacts().dockerd().pid()).isEqualTo(812L);
        assertThat(collected.hostFacts().dockerd().uid()).isZero();
        assertThat(collected.hostFacts().dockerd().configFile()).isEqualTo("/srv/daemon.json");
        assertThat(daemon.configFile()).isEqualTo("/srv/daemon.json");
        assertThat(daemon.configFilePresent()).isTrue();
        assertThat(daemon.setting("no-new-privileges")).isEqualTo(new DaemonSetting(true, SettingSource.COMMAND_LINE));
        assertThat(daemon.setting("hosts")).isEqualTo(new DaemonSetting(List.of("fd://"), SettingSource.COMMAND_LINE));
        assertThat(daemon.setting("userns-remap")).isEqualTo(new DaemonSetting("default", SettingSource.DAEMON_JSON));
        assertThat(daemon.conflicts()).anySatisfy(conflict -> {
            assertThat(conflict.key()).isEqualTo("icc");
            assertThat(conflict.effectiveSource()).isEqualTo(SettingSource.COMMAND_LINE);
            assertThat(conflict.overriddenValue()).isEqualTo(false);
        });
        assertThat(daemon.ignoredKeys()).containsExactly("authorization-plugin", "log-opt");
        assertThat(collected.hostFacts().dockerd().arguments()).doesNotContain(
                "https://mirror:s3cretPassw0rd@mirror.example.com");
        assertThat(daemon.setting("registry-mirrors").value().toString()).doesNotContain("s3cretPassw0rd");
    }

    @Test
    void emptyRootRecordsErrors(@TempDir Path empty) {
        EngineState engine = EngineFixtures.engineState(EngineFixtures.MIXED);
        HostFactsCollector.Collected collected =
                new HostFactsCollector(empty, DOCKER_HOST, "/etc/docker/daemon.json", Duration.ofSeconds(5))
                        .collect(engine.info(), engine.networks());

        HostFacts facts = collected.hostFacts();
        assertThat(facts.dockerd()).isNull();
        assertThat(facts.dockerGroup()).isNull();
        assertThat(facts.dataRootOnOwnPartition()).isNull();
        assertThat(facts.errors()).anyMatch(error -> error.startsWith("no dockerd process was found"));
        assertThat(facts.errors()).anyMatch(error -> error.startsWith("no mount table could be read"));
        assertThat(facts.file("/usr/lib/systemd/system/docker.service").exists()).isFalse();
        assertThat(collected.daemon().configFilePresent()).isFalse();
    }
}
