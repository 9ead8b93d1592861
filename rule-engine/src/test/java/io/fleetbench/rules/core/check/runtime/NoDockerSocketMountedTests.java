package io.fleetbench.rules.core.check.runtime;

import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.bind;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.engine;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutContainerField;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoDockerSocketMountedTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("unrelated bind passes",
                        snapshot().containers(container("web").mounts(bind("/srv/app", "/app", false))).build(),
                        expect("container:web", PASS, "no mount exposes a Docker socket (1 checked in Mounts)")),
                row("socket bind warns",
                        snapshot().containers(container("web").mounts(
                                bind("/var/run/docker.sock", "/var/run/docker.sock", true))).build(),
                        expect("container:web", WARN, "/var/run/docker.sock at /var/run/docker.sock (read-write)")),
                row("read-only socket bind still warns",
                        snapshot().containers(container("web").mounts(
                                bind("/var/run/docker.sock", "/docker.sock", false))).build(),
                        expect("container:web", WARN, "/var/run/docker.sock at /docker.sock (read-only)")),
                row("parent folder /run warns",
                        snapshot().containers(container("web").mounts(bind("/run", "/host-run", false))).build(),
                        expect("container:web", WARN, "folder /run at /host-run (read-only), which contains /var/run/docker.sock")),
                row("parent folder /var/run warns",
                        snapshot().containers(container("web").mounts(bind("/var/run/", "/r", true))).build(),
                        expect("container:web", WARN, "folder /var/run at /r (read-write)")),
                row("socket under /run spelling warns",
                        snapshot().containers(container("web").mounts(bind("/run/docker.sock", "/s", false))).build(),
                        expect("container:web", WARN, "/run/docker.sock at /s")),
                row("custom socket from daemon hosts warns",
                        snapshot().daemonJson("hosts", List.of("unix:///srv/engine/api.sock", "tcp://127.0.0.1:2376"))
                                .containers(container("web").mounts(bind("/srv/engine", "/engine", false))).build(),
                        expect("container:web", WARN, "folder /srv/engine at /engine (read-only), which contains /srv/engine/api.sock")),
                row("other folder under /run passes",
                        snapshot().containers(container("web").mounts(bind("/run/secrets", "/s", false))).build(),
                        expect("container:web", PASS, "exposes a Docker socket")),
                row("link to the socket warns with both paths",
                        snapshot().containers(container("web").mounts(
                                linkedBind("/tmp/d.sock", "/run/docker.sock", "/d.sock", true))).build(),
                        expect("container:web", WARN, "Docker socket mounted: /tmp/d.sock (resolves to"
                                + " /run/docker.sock) at /d.sock (read-write)")),
                row("link to the socket folder warns",
                        snapshot().containers(container("web").mounts(
                                linkedBind("/srv/engine", "/run", "/engine", false))).build(),
                        expect("container:web", WARN, "folder /srv/engine (resolves to /run) at /engine (read-only),"
                                + " which contains /var/run/docker.sock")),
                row("socket source linked elsewhere still warns",
                        snapshot().containers(container("web").mounts(
                                linkedBind("/var/run/docker.sock", "/srv/engine.sock", "/s", false))).build(),
                        expect("container:web", WARN,
                                "/var/run/docker.sock (resolves to /srv/engine.sock) at /s (read-only)")),
                row("/var/run resolved to /run is not repeated",
                        snapshot().containers(container("web").mounts(
                                linkedBind("/var/run/docker.sock", "/run/docker.sock", "/s", false))).build(),
                        expect("container:web", WARN, "Docker socket mounted: /var/run/docker.sock at /s (read-only)")),
                row("link to a custom socket warns",
                        snapshot().daemonJson("hosts", List.of("unix:///srv/engine/api.sock"))
                                .containers(container("web").mounts(
                                        linkedBind("/opt/api", "/srv/engine/api.sock", "/api", true))).build(),
                        expect("container:web", WARN, "/opt/api (resolves to /srv/engine/api.sock) at /api")),
                row("link to an unrelated folder passes",
                        snapshot().containers(container("web").mounts(
                                linkedBind("/srv/app", "/data/app", "/app", false))).build(),
                        expect("container:web", PASS, "no mount exposes a Docker socket (1 checked in Mounts)")),
                row("absent mounts pass",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "mounts"),
                        expect("container:web", PASS, "the container has no mounts")),
                row("several containers each get a finding",
                        snapshot().containers(container("socket").mounts(bind("/var/run/docker.sock", "/s", true)),
                                container("plain"),
                                container("root").mounts(bind("/", "/host", false)),
                                container("copy").mounts(bind("/home/ci/docker.sock", "/d", false))).build(),
                        expect("container:socket", WARN, "/var/run/docker.sock at /s"),
                        expect("container:plain", PASS, "the container has no mounts"),
                        expect("container:root", WARN, "folder / at /host"),
                        expect("container:copy", WARN, "/home/ci/docker.sock at /d")));
    }

    /** Returns a bind whose source the agent resolved through symbolic links to {@code resolved}. */
    private static MountFacts linkedBind(String source, String resolved, String destination, boolean readWrite) {
        return new MountFacts("bind", source, destination, readWrite, "rprivate", resolved);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new NoDockerSocketMounted(), snapshot, expected);
    }
}
