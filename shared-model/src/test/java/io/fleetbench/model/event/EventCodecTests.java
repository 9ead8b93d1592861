package io.fleetbench.model.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.EngineInfo;
import io.fleetbench.model.snapshot.EnvVariable;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.model.snapshot.SettingSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCodecTests {

    private static final HostDescriptor HOST = new HostDescriptor("h-0123abcd", "web-01", Map.of("env", "prod"), "0.1.0");

    static HostSnapshotCollected snapshot() {
        return snapshot(new MountFacts("bind", "/var/run/docker.sock", "/var/run/docker.sock", false, "rprivate"));
    }

    private static HostSnapshotCollected snapshot(MountFacts mount) {
        EngineInfo engine = new EngineInfo("ENGINE:ID", "20.10.24", "1.41", "Debian GNU/Linux 12", "6.1.0", "x86_64",
                "overlay2", "/var/lib/docker", "json-file", "systemd", "2", List.of("name=seccomp,profile=default"),
                false, "runc", "inactive", false, Map.of("containerd", "1.6.20"));
        DaemonConfig daemon = new DaemonConfig("/etc/docker/daemon.json", true, null,
                Map.of("icc", new DaemonSetting(false, SettingSource.DAEMON_JSON)));
        ContainerFacts container = new ContainerFacts("c0ffee", "web", "local/busybox:1", "sha256:1", null, "running", true,
                "", false, "fleet", "", "private", "", "", "private", false, List.of("NET_ADMIN"), List.of(),
                List.of(), 0L, 0L, 0L, null,
                List.of(mount),
                List.of(), List.of(new EnvVariable("DB_PASSWORD", true, "name contains PASSWORD", false)), Map.of(),
                "no", 0, false, "", "", List.of(), List.of("fleet"), "json-file");
        return new HostSnapshotCollected(HostSnapshotCollected.SCHEMA_VERSION, "evt-1",
                Instant.parse("2026-12-04T10:15:30Z"), HOST, 7, "startup", engine, daemon, List.of(container), List.of(),
                List.of());
    }

    @Test
    void snapshotRoundTripsThroughJson() {
        HostSnapshotCollected original = snapshot();

        HostSnapshotCollected decoded = EventCodec.decodeSnapshot(EventCodec.encode(original));

        assertThat(decoded).isEqualTo(original);
    }

    @Test
    void findingsRoundTripThroughJson() {
        HostFindingsEvaluated original = new HostFindingsEvaluated(HostFindingsEvaluated.SCHEMA_VERSION, "rep-1",
                Instant.parse("2026-12-04T10:15:31Z"), HOST, 7, "evt-1", Instant.parse("2026-12-04T10:15:30Z"),
                "20.10.24", "cis-docker", "1.6.0",
                List.of(new Finding("5.5", "Ensure that privileged containers are not used", "Container Runtime", true,
                        TargetKind.CONTAINER, "container:web", "c0ffee", Status.WARN, "HostConfig.Privileged is true",
                        "Run the container without --privileged.")));

        HostFindingsEvaluated decoded = EventCodec.decodeFindings(EventCodec.encode(original));

        assertThat(decoded).isEqualTo(original);
        assertThat(decoded.countByStatus()).containsEntry(Status.WARN, 1L).containsEntry(Status.PASS, 0L);
    }

    @Test
    void writesInstantsAsIsoText() {
        String json = new String(EventCodec.encode(snapshot()), StandardCharsets.UTF_8);

        assertThat(json).contains("\"occurredAt\":\"2026-12-04T10:15:30Z\"");
        assertThat(json).contains("\"schemaVersion\":1");
    }

    @Test
    void ignoresUnknownFields() {
        String json = new String(EventCodec.encode(snapshot()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");

        assertThat(EventCodec.decodeSnapshot(json.getBytes(StandardCharsets.UTF_8)).sequence()).isEqualTo(7);
    }

    @Test
    void rejectsNewerSchemaVersion() {
        String json = new String(EventCodec.encode(snapshot()), StandardCharsets.UTF_8)
                .replace("\"schemaVersion\":1", "\"schemaVersion\":2");

        assertThatThrownBy(() -> EventCodec.decodeSnapshot(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("schemaVersion 2 is not supported");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> EventCodec.decodeSnapshot("{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsMissingSchemaVersion() {
        assertThatThrownBy(() -> EventCodec.decodeFindings("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("no integer schemaVersion");
    }

    @Test
    void rejectionNamesFieldAndRecord() {
        HostFindingsEvaluated report = new HostFindingsEvaluated(HostFindingsEvaluated.SCHEMA_VERSION, "rep-2",
                Instant.parse("2026-12-04T10:15:31Z"), HOST, 7, "evt-2", Instant.parse("2026-12-04T10:15:30Z"),
                "20.10.24", "cis-docker", "1.6.0", List.of());
        String json = new String(EventCodec.encode(report), StandardCharsets.UTF_8)
                .replace("\"snapshotSequence\":7", "\"snapshotSequence\":null");

        assertThatThrownBy(() -> EventCodec.decodeFindings(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("HostFindingsEvaluated record rep-2 of host h-0123abcd is invalid at"
                        + " snapshotSequence");
    }

    @Test
    void rejectsInvalidHostId() {
        String json = new String(EventCodec.encode(snapshot()), StandardCharsets.UTF_8)
                .replace("\"id\":\"h-0123abcd\"", "\"id\":\"../etc/passwd\"");

        assertThatThrownBy(() -> EventCodec.decodeSnapshot(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("host.id '../etc/passwd' is invalid");
    }

    @Test
    void rejectsOversizedRecord() {
        byte[] oversized = new byte[EventCodec.MAX_RECORD_BYTES + 1];

        assertThatThrownBy(() -> EventCodec.decodeSnapshot(oversized))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("more than the maximum");
    }

    @Test
    void resolvedSourceRoundTrips() {
        HostSnapshotCollected original = snapshot(new MountFacts("bind", "/srv/cfg", "/cfg", true, "rprivate", "/etc"));

        byte[] json = EventCodec.encode(original);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"resolvedSource\":\"/etc\"");
        assertThat(EventCodec.decodeSnapshot(json)).isEqualTo(original);
    }

    @Test
    void mountWithoutResolvedSourceDecodes() {
        String json = new String(EventCodec.encode(snapshot()), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("resolvedSource");

        MountFacts mount = EventCodec.decodeSnapshot(json.getBytes(StandardCharsets.UTF_8))
                .containers().get(0).mounts().get(0);

        assertThat(mount.source()).isEqualTo("/var/run/docker.sock");
        assertThat(mount.resolvedSource()).isNull();
        assertThat(mount.propagation()).isEqualTo("rprivate");
    }
}
