package io.fleetbench.collector.engine;

import static io.fleetbench.collector.fixtures.EngineFixtures.MIXED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.collector.redaction.SecretDetector;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.EngineInfo;
import io.fleetbench.model.snapshot.EnvVariable;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.model.snapshot.NetworkFacts;
import io.fleetbench.model.snapshot.PortBindingFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotAssemblerTests {

    private final HostSnapshotCollected snapshot = EngineFixtures.snapshot(MIXED);

    @Test
    void snapshotCarriesHostAndSequence() {
        assertThat(snapshot.schemaVersion()).isEqualTo(HostSnapshotCollected.SCHEMA_VERSION);
        assertThat(snapshot.host()).isEqualTo(EngineFixtures.HOST);
        assertThat(snapshot.sequence()).isEqualTo(1);
        assertThat(snapshot.trigger()).isEqualTo("fixture");
        assertThat(snapshot.occurredAt()).isEqualTo(EngineFixtures.COLLECTED_AT);
        assertThat(snapshot.eventId()).isNotBlank();
    }

    @Test
    void eventIdsDifferPerAssembly() {
        assertThat(EngineFixtures.snapshot(MIXED).eventId()).isNotEqualTo(snapshot.eventId());
    }

    @Test
    void containersIncludeStoppedAndCreated() {
        assertThat(snapshot.containers())
                .extracting(ContainerFacts::name)
                .containsExactly("caps", "etc-mount", "hardened", "host-net", "host-pid", "nnp-false", "privileged",
                        "published", "run-parent", "seccomp-unconfined", "secret-env", "socket", "socket-ro",
                        "stopped");
        assertThat(container("stopped").state()).isEqualTo("exited");
        assertThat(container("stopped").running()).isFalse();
        assertThat(container("privileged").state()).isEqualTo("created");
        assertThat(container("privileged").running()).isFalse();
        assertThat(container("hardened").state()).isEqualTo("running");
        assertThat(container("hardened").running()).isTrue();
    }

    @Test
    void hardenedContainerMapsEveryField() {
        ContainerFacts hardened = container("hardened");

        assertThat(hardened.id()).hasSize(64);
        assertThat(hardened.image()).isEqualTo("local/busybox:1");
        assertThat(hardened.imageId()).startsWith("sha256:");
        assertThat(hardened.created()).isBetween(Instant.parse("2026-12-04T20:00:00Z"), EngineFixtures.COLLECTED_AT);
        assertThat(hardened.user()).isEqualTo("1000:1000");
        assertThat(hardened.privileged()).isFalse();
        assertThat(hardened.networkMode()).isEqualTo("none");
        assertThat(hardened.pidMode()).isEmpty();
        assertThat(hardened.ipcMode()).isEqualTo("private");
        assertThat(hardened.utsMode()).isEmpty();
        assertThat(hardened.usernsMode()).isEmpty();
        assertThat(hardened.cgroupnsMode()).isEqualTo("host");
        assertThat(hardened.readonlyRootfs()).isTrue();
        assertThat(hardened.capAdd()).isEmpty();
        assertThat(hardened.capDrop()).containsExactly("ALL");
        assertThat(hardened.securityOpt()).containsExactly("no-new-privileges:true");
        assertThat(hardened.memoryBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(hardened.cpuShares()).isEqualTo(512L);
        assertThat(hardened.nanoCpus()).isZero();
        assertThat(hardened.pidsLimit()).isEqualTo(64L);
        assertThat(hardened.mounts()).isEmpty();
        assertThat(hardened.ports()).isEmpty();
        assertThat(hardened.env()).isEmpty();
        assertThat(hardened.labels()).isEmpty();
        assertThat(hardened.restartPolicy()).isEqualTo("no");
        assertThat(hardened.restartMaxRetries()).isZero();
        assertThat(hardened.healthcheckConfigured()).isFalse();
        assertThat(hardened.apparmorProfile()).isEmpty();
        assertThat(hardened.cgroupParent()).isEmpty();
        assertThat(hardened.devices()).isEmpty();
        assertThat(hardened.networks()).containsExactly("none");
        assertThat(hardened.logDriver()).isEqualTo("json-file");
    }

    @Test
    void defaultContainerHasNoLimits() {
        ContainerFacts plain = container("caps");

        assertThat(plain.memoryBytes()).isZero();
        assertThat(plain.cpuShares()).isZero();
        assertThat(plain.pidsLimit()).isNull();
        assertThat(plain.readonlyRootfs()).isFalse();
        assertThat(plain.securityOpt()).isEmpty();
        assertThat(plain.user()).isEmpty();
    }

    @Test
    void namespaceModesAreMapped() {
        assertThat(container("host-net").networkMode()).isEqualTo("host");
        assertThat(container("host-net").networks()).containsExactly("host");
        assertThat(container("host-pid").pidMode()).isEqualTo("host");
    }

    @Test
    void privilegedAndCapabilitiesAreMapped() {
        assertThat(container("privileged").privileged()).isTrue();
        assertThat(container("caps").privileged()).isFalse();
        assertThat(container("caps").capAdd()).containsExactlyInAnyOrder("SYS_ADMIN", "NET_ADMIN");
        assertThat(container("caps").capDrop()).isEmpty();
    }

    @Test
    void securityOptionsAreMapped() {
        assertThat(container("seccomp-unconfined").securityOpt()).containsExactly("seccomp=unconfined");
        assertThat(container("nnp-false").securityOpt()).containsExactly("no-new-privileges=false");
    }

    @Test
    void bindMountsKeepTypeAndMode() {
        assertThat(container("socket").mounts())
                .containsExactly(new MountFacts("bind", "/var/run/docker.sock", "/var/run/docker.sock", true, "rprivate"));
        assertThat(container("socket-ro").mounts())
                .containsExactly(new MountFacts("bind", "/var/run/docker.sock", "/var/run/docker.sock", false, "rprivate"));
        assertThat(container("run-parent").mounts())
                .containsExactly(new MountFacts("bind", "/run", "/host-run", true, "rprivate"));
        assertThat(container("etc-mount").mounts())
                .containsExactly(new MountFacts("bind", "/etc", "/host-etc", false, "rprivate"));
    }

    @Test
    void bindSourcesResolvedUnderHostRoot(@TempDir Path hostRoot) throws IOException {
        Files.createDirectories(hostRoot.resolve("run"));
        Files.createDirectories(hostRoot.resolve("var"));
        Files.createDirectories(hostRoot.resolve("srv"));
        Files.createFile(hostRoot.resolve("run/docker.sock"));
        Files.createSymbolicLink(hostRoot.resolve("var/run"), Path.of("/run"));
        Files.createSymbolicLink(hostRoot.resolve("etc"), Path.of("srv"));
        SnapshotAssembler assembler = new SnapshotAssembler(hostRoot);

        assertThat(assembler.containerFacts(EngineFixtures.inspectContainer(MIXED, "socket")).mounts())
                .containsExactly(new MountFacts("bind", "/var/run/docker.sock", "/var/run/docker.sock", true,
                        "rprivate", "/run/docker.sock"));
        assertThat(assembler.containerFacts(EngineFixtures.inspectContainer(MIXED, "run-parent")).mounts())
                .containsExactly(new MountFacts("bind", "/run", "/host-run", true, "rprivate"));
        assertThat(assembler.containerFacts(EngineFixtures.inspectContainer(MIXED, "etc-mount")).mounts())
                .containsExactly(new MountFacts("bind", "/etc", "/host-etc", false, "rprivate", "/srv"));
    }

    @Test
    void unresolvableBindKeepsSourceOnly(@TempDir Path hostRoot) throws IOException {
        Files.createDirectories(hostRoot.resolve("var"));
        Files.createSymbolicLink(hostRoot.resolve("var/run"), Path.of("/var/run"));

        ContainerFacts socket = new SnapshotAssembler(hostRoot)
                .containerFacts(EngineFixtures.inspectContainer(MIXED, "socket"));

        assertThat(socket.mounts())
                .containsExactly(new MountFacts("bind", "/var/run/docker.sock", "/var/run/docker.sock", true, "rprivate"));
    }

    @Test
    void publishedPortsAreActualBindings() {
        ContainerFacts published = container("published");

        assertThat(published.ports()).containsExactly(
                new PortBindingFacts("80/tcp", "0.0.0.0", "8080"),
                new PortBindingFacts("80/tcp", "::", "8080"),
                new PortBindingFacts("81/tcp", "127.0.0.1", "8081"));
        assertThat(published.networkMode()).isEqualTo("fleetbench-fixture");
        assertThat(published.networks()).containsExactly("fleetbench-fixture");
    }

    @Test
    void imageSettingsReachContainer() {
        ContainerFacts published = container("published");

        assertThat(published.image()).isEqualTo("local/busybox-user:1");
        assertThat(published.user()).isEqualTo("1000");
        assertThat(published.healthcheckConfigured()).isTrue();
        assertThat(published.env())
                .extracting(EnvVariable::name, EnvVariable::secretLike)
                .containsExactly(tuple("PATH", false), tuple("APP_HOME", false), tuple("SESSION_SECRET", true));
        assertThat(published.labels())
                .containsEntry("org.opencontainers.image.title", "fleetbench-fixture")
                .containsEntry("registry.password", SecretDetector.REDACTED);
    }

    @Test
    void secretEnvironmentKeepsNamesOnly() {
        ContainerFacts secretEnv = container("secret-env");

        assertThat(secretEnv.env()).containsExactly(
                new EnvVariable("DB_PASSWORD", true, "name contains PASSWORD", false),
                new EnvVariable("API_TOKEN_FILE", false, null, true),
                new EnvVariable("PLAIN", false, null, false),
                new EnvVariable("UPSTREAM_KEY_ID", true, "value looks like an AWS access key id", false));
        assertThat(secretEnv.labels())
                .containsEntry("com.example.team", "payments")
                .containsEntry("com.example.deploy-token", SecretDetector.REDACTED)
                .hasSize(2);
    }

    @Test
    void plantedSecretsAbsentFromSnapshot() {
        String json = new String(EventCodec.encode(snapshot), StandardCharsets.UTF_8);
        String text = snapshot.toString();

        for (String secret : EngineFixtures.PLANTED_SECRETS) {
            assertThat(json).as("encoded snapshot").doesNotContain(secret);
            assertThat(text).as("snapshot toString").doesNotContain(secret);
        }
        assertThat(json).contains("DB_PASSWORD", "SESSION_SECRET", "com.example.deploy-token");
    }

    @Test
    void rawFixturesContainPlantedSecrets() {
        String raw = EngineFixtures.engineState(MIXED).containers().stream()
                .flatMap(container -> java.util.Arrays.stream(container.getConfig().getEnv() == null
                        ? new String[0] : container.getConfig().getEnv()))
                .reduce("", String::concat);

        assertThat(raw).contains("fixture-db-password-5b1e7c", "AKIAQFLEETBENCHFIXTR");
    }

    @Test
    void imagesAreMapped() {
        assertThat(snapshot.images()).extracting(ImageFacts::reference)
                .containsExactly("local/busybox-user:1", "local/busybox:1");

        ImageFacts user = image("local/busybox-user:1");
        assertThat(user.id()).startsWith("sha256:");
        assertThat(user.repoTags()).containsExactly("local/busybox-user:1");
        assertThat(user.repoDigests()).isEmpty();
        assertThat(user.created()).isNotNull();
        assertThat(user.user()).isEqualTo("1000");
        assertThat(user.healthcheckConfigured()).isTrue();
        assertThat(user.env()).extracting(EnvVariable::name).containsExactly("PATH", "APP_HOME", "SESSION_SECRET");
        assertThat(user.labels()).containsEntry("registry.password", SecretDetector.REDACTED);
        assertThat(user.sizeBytes()).isPositive();

        ImageFacts base = image("local/busybox:1");
        assertThat(base.user()).isEmpty();
        assertThat(base.healthcheckConfigured()).isFalse();
        assertThat(base.env()).isEmpty();
    }

    @Test
    void networksAreMapped() {
        assertThat(snapshot.networks())
                .extracting(NetworkFacts::name, NetworkFacts::driver, NetworkFacts::scope, NetworkFacts::internal)
                .containsExactly(
                        tuple("fleetbench-fixture", "bridge", "local", false),
                        tuple("host", "host", "local", false),
                        tuple("none", "null", "local", false));
    }

    @Test
    void engineInfoIsMapped() {
        EngineInfo engine = snapshot.engine();

        assertThat(engine.engineId()).isEqualTo("VMSP:GHC3:MBIC:GQZS:7GKD:UZST:TU4Q:KP5H:5H5S:YPDE:YNIN:VHXC");
        assertThat(engine.serverVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(engine.apiVersion()).isEqualTo("1.41");
        assertThat(engine.operatingSystem()).isEqualTo("Debian GNU/Linux 12 (bookworm)");
        assertThat(engine.kernelVersion()).isNotBlank();
        assertThat(engine.architecture()).isEqualTo("x86_64");
        assertThat(engine.storageDriver()).isEqualTo("overlay2");
        assertThat(engine.dockerRootDir()).isEqualTo("/var/lib/docker");
        assertThat(engine.loggingDriver()).isEqualTo("json-file");
        assertThat(engine.cgroupDriver()).isEqualTo("cgroupfs");
        assertThat(engine.cgroupVersion()).isEqualTo("1");
        assertThat(engine.securityOptions()).containsExactly("name=seccomp,profile=default");
        assertThat(engine.liveRestoreEnabled()).isFalse();
        assertThat(engine.defaultRuntime()).isEqualTo("runc");
        assertThat(engine.swarmNodeState()).isEqualTo("inactive");
        assertThat(engine.swarmManager()).isFalse();
        assertThat(engine.componentVersions()).containsKeys("Engine", "containerd", "runc");
    }

    @Test
    void daemonFixtureIsAttached() {
        HostSnapshotCollected withDaemon = EngineFixtures.snapshot(MIXED, EngineFixtures.HARDENED_DAEMON_JSON);

        assertThat(withDaemon.daemon().configFilePresent()).isTrue();
        assertThat(withDaemon.daemon().setting("icc").value()).isEqualTo(false);
        assertThat(snapshot.daemon().configFilePresent()).isFalse();
    }

    @Test
    void snapshotSurvivesCodecRoundTrip() {
        HostSnapshotCollected decoded = EventCodec.decodeSnapshot(EventCodec.encode(snapshot));

        assertThat(decoded.containers()).isEqualTo(snapshot.containers());
        assertThat(decoded.images()).isEqualTo(snapshot.images());
        assertThat(decoded.networks()).isEqualTo(snapshot.networks());
        assertThat(decoded.engine()).isEqualTo(snapshot.engine());
    }

    private ContainerFacts container(String name) {
        return snapshot.containers().stream()
                .filter(container -> container.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container named " + name + " in the fixture snapshot"));
    }

    private ImageFacts image(String reference) {
        return snapshot.images().stream()
                .filter(image -> image.reference().equals(reference))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no image " + reference + " in the fixture snapshot"));
    }
}
