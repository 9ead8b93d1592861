package io.fleetbench.rules.core.check.daemon;

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
class UserNamespaceRemappingEnabledTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("engine reporting userns passes",
                        snapshot().engine(engine().securityOptions("name=seccomp,profile=default", "name=userns"))
                                .build(),
                        expect("daemon", PASS, "SecurityOptions include name=userns (engine API)")),
                row("engine without userns warns",
                        snapshot().build(),
                        expect("daemon", WARN, "do not include name=userns (engine API) and userns-remap is not set")),
                row("absent security options fall back to daemon.json",
                        withoutEngineField(snapshot().daemonJson("userns-remap", "default").build(), "securityOptions"),
                        expect("daemon", PASS, "userns-remap is 'default' in /etc/docker/daemon.json")),
                row("absent options and setting warn with the default",
                        withoutEngineField(snapshot().build(), "securityOptions"),
                        expect("daemon", WARN, "the daemon default of no remapping applies")),
                row("configured but inactive remapping warns",
                        snapshot().commandLine("userns-remap", "dockremap").build(),
                        expect("daemon", WARN, "userns-remap is 'dockremap' in the dockerd command line, but the engine's SecurityOptions do not include name=userns")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesDaemon(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new UserNamespaceRemappingEnabled(), snapshot, expected);
    }
}
