package io.fleetbench.rules.core.condition;

import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.bind;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutContainerField;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CEL rule of the sensitive host folders, with the v1.6.0 list that is its default. */
class NoSensitiveHostDirectoriesMountedTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("volume and data bind pass",
                        snapshot().containers(container("web").mounts(
                                new MountFacts("volume", "/var/lib/docker/volumes/data/_data", "/data", true, ""),
                                bind("/srv/app", "/app", false))).build(),
                        expect("container:web", PASS, "no mount has a sensitive host source (2 checked in Mounts)")),
                row("bind of /etc warns with its mode",
                        snapshot().containers(container("web").mounts(bind("/etc", "/host/etc", true))).build(),
                        expect("container:web", WARN, "/etc at /host/etc (read-write)")),
                row("read-only subpath of /usr still warns",
                        snapshot().containers(container("web").mounts(bind("/usr/share/zoneinfo/", "/zi", false)))
                                .build(),
                        expect("container:web", WARN, "/usr/share/zoneinfo at /zi (read-only)")),
                row("bind of the root folder warns",
                        snapshot().containers(container("web").mounts(bind("/", "/host", false))).build(),
                        expect("container:web", WARN, "/ at /host (read-only)")),
                row("look-alike folders pass",
                        snapshot().containers(container("web").mounts(bind("/library", "/l", true),
                                bind("/etcetera", "/e", true), bind("/srv/etc", "/s", true))).build(),
                        expect("container:web", PASS, "(3 checked in Mounts)")),
                row("dot segments are resolved before comparing",
                        snapshot().containers(container("web").mounts(bind("/srv/../proc//1", "/p", false))).build(),
                        expect("container:web", WARN, "/proc/1 at /p")),
                row("link to /etc warns with both paths",
                        snapshot().containers(container("web").mounts(linkedBind("/srv/cfg", "/etc", "/cfg", true)))
                                .build(),
                        expect("container:web", WARN,
                                "sensitive host paths mounted: /srv/cfg (resolves to /etc) at /cfg (read-write)")),
                row("link to the root folder warns",
                        snapshot().containers(container("web").mounts(linkedBind("/srv/all", "/", "/host", false)))
                                .build(),
                        expect("container:web", WARN, "/srv/all (resolves to /) at /host (read-only)")),
                row("sensitive source linked elsewhere still warns",
                        snapshot().containers(container("web").mounts(linkedBind("/etc/app", "/srv/app", "/a", false)))
                                .build(),
                        expect("container:web", WARN, "/etc/app (resolves to /srv/app) at /a (read-only)")),
                row("link between data folders passes",
                        snapshot().containers(container("web").mounts(linkedBind("/data", "/srv/data", "/d", true)))
                                .build(),
                        expect("container:web", PASS, "no mount has a sensitive host source (1 checked in Mounts)")),
                row("resolved source equal to source is not repeated",
                        snapshot().containers(container("web").mounts(linkedBind("/etc/", "/etc", "/e", false)))
                                .build(),
                        expect("container:web", WARN, "sensitive host paths mounted: /etc at /e (read-only)")),
                row("absent mounts pass",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "mounts"),
                        expect("container:web", PASS, "the container has no mounts")),
                row("several offenders are each named",
                        snapshot().containers(
                                container("a").mounts(bind("/dev", "/dev", true), bind("/sys/fs/cgroup", "/cg", false)),
                                container("b").mounts(bind("/boot", "/boot", false)),
                                container("c").mounts(bind("/lib/modules", "/lib/modules", false))).build(),
                        expect("container:a", WARN, "/dev at /dev (read-write), /sys/fs/cgroup at /cg (read-only)"),
                        expect("container:b", WARN, "/boot at /boot"),
                        expect("container:c", WARN, "/lib/modules at /lib/modules")));
    }

    /** Returns a bind whose source the agent resolved through symbolic links to {@code resolved}. */
    private static MountFacts linkedBind(String source, String resolved, String destination, boolean readWrite) {
        return new MountFacts("bind", source, destination, readWrite, "rprivate", resolved);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(BundledRules.registry().find("no-sensitive-host-directories-mounted").orElseThrow(),
                snapshot, expected);
    }
}
