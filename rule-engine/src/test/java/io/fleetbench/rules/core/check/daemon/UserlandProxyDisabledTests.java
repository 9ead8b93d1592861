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
class UserlandProxyDisabledTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("false in daemon.json passes",
                        snapshot().daemonJson("userland-proxy", false).build(),
                        expect("daemon", PASS, "userland-proxy is false in /etc/docker/daemon.json")),
                row("true warns",
                        snapshot().daemonJson("userland-proxy", true).build(),
                        expect("daemon", WARN, "userland-proxy is true in /etc/docker/daemon.json")),
                row("command-line string false passes",
                        snapshot().commandLine("userland-proxy", "false").build(),
                        expect("daemon", PASS, "userland-proxy is false in the dockerd command line")),
                row("absent setting means the default true",
                        snapshot().build(),
                        expect("daemon", WARN, "so the daemon default true applies")),
                row("non-boolean value warns",
                        snapshot().daemonJson("userland-proxy", "off").build(),
                        expect("daemon", WARN, "which is not a boolean. Set it to false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesDaemon(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new UserlandProxyDisabled(), snapshot, expected);
    }
}
