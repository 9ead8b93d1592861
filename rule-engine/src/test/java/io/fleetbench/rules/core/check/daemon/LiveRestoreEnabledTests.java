package io.fleetbench.rules.core.check.daemon;

import static io.fleetbench.model.finding.Status.INFO;
import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.engine;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutEngineField;
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
class LiveRestoreEnabledTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("engine reporting live restore passes",
                        snapshot().build(),
                        expect("daemon", PASS, "LiveRestoreEnabled is true (engine API)")),
                row("engine without live restore warns",
                        snapshot().engine(engine().liveRestoreEnabled(false)).build(),
                        expect("daemon", WARN, "LiveRestoreEnabled is false (engine API)")),
                row("swarm node is undecided",
                        snapshot().engine(engine().liveRestoreEnabled(false).swarmNodeState("active")).build(),
                        expect("daemon", INFO, "active swarm")),
                row("absent report falls back to daemon.json",
                        withoutEngineField(snapshot().daemonJson("live-restore", true).build(), "liveRestoreEnabled"),
                        expect("daemon", PASS, "live-restore is true in /etc/docker/daemon.json")),
                row("absent report and setting mean the default false",
                        withoutEngineField(snapshot().build(), "liveRestoreEnabled"),
                        expect("daemon", WARN, "so the daemon default false applies")),
                row("engine report wins over daemon.json",
                        snapshot().engine(engine().liveRestoreEnabled(false)).daemonJson("live-restore", true).build(),
                        expect("daemon", WARN, "LiveRestoreEnabled is false (engine API), but live-restore is true in /etc/docker/daemon.json, which the running engine applies only after")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesDaemon(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new LiveRestoreEnabled(), snapshot, expected);
    }
}
