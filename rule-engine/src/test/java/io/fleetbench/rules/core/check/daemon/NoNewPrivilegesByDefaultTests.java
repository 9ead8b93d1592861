package io.fleetbench.rules.core.check.daemon;

import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Daemon checks have one target, so the several-offender rows combine sources that disagree. */
class NoNewPrivilegesByDefaultTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("true in daemon.json passes",
                        snapshot().daemonJson("no-new-privileges", true).build(),
                        expect("daemon", PASS, "no-new-privileges is true in /etc/docker/daemon.json")),
                row("command-line true passes",
                        snapshot().commandLine("no-new-privileges", "true").build(),
                        expect("daemon", PASS, "no-new-privileges is true in the dockerd command line")),
                row("false warns",
                        snapshot().daemonJson("no-new-privileges", false).build(),
                        expect("daemon", WARN, "no-new-privileges is false in /etc/docker/daemon.json")),
                row("absent setting means the default false",
                        snapshot().build(),
                        expect("daemon", WARN, "not set in daemon.json or on the dockerd command line, so the daemon default false applies")),
                row("non-boolean value warns",
                        snapshot().daemonJson("no-new-privileges", "yes").build(),
                        expect("daemon", WARN, "is 'yes' in /etc/docker/daemon.json, which is not a boolean")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesDaemon(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new NoNewPrivilegesByDefault(), snapshot, expected);
    }
}
