package io.fleetbench.rules.core.check.daemon;

import static io.fleetbench.model.finding.Status.INFO;
import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.engine;
import static io.fleetbench.rules.core.TestSnapshots.network;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Daemon checks have one target, so the several-offender rows combine sources that disagree. */
class DefaultBridgeTrafficRestrictedTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("bridge with icc disabled passes",
                        snapshot().networks(network("bridge", "bridge", Map.of(
                                "com.docker.network.bridge.default_bridge", "true",
                                "com.docker.network.bridge.enable_icc", "false"))).build(),
                        expect("daemon", PASS, "default bridge network bridge has com.docker.network.bridge.enable_icc=false (engine API)")),
                row("bridge with icc enabled warns",
                        snapshot().networks(network("bridge", "bridge", Map.of(
                                "com.docker.network.bridge.default_bridge", "true",
                                "com.docker.network.bridge.enable_icc", "true"))).build(),
                        expect("daemon", WARN, "enable_icc=true (engine API)")),
                row("no default bridge passes",
                        snapshot().networks(network("host", "host", Map.of()), network("none", "null", Map.of()),
                                network("apps", "bridge", Map.of("com.docker.network.bridge.enable_icc", "true")))
                                .build(),
                        expect("daemon", PASS, "the engine has no default bridge network")),
                row("absent icc option means the engine default",
                        snapshot().networks(network("bridge", "bridge", Map.of())).build(),
                        expect("daemon", WARN, "has no com.docker.network.bridge.enable_icc option (engine API), so the engine default true applies")),
                row("absent networks are undecided",
                        snapshot().networks().daemonJson("icc", false).build(),
                        expect("daemon", INFO, "the snapshot lists no networks, so the default bridge could not be inspected, and icc is false in /etc/docker/daemon.json")),
                row("daemon.json disagreeing with the running bridge is named",
                        snapshot().daemonJson("icc", false).networks(network("bridge", "bridge", Map.of(
                                "com.docker.network.bridge.enable_icc", "true"))).build(),
                        expect("daemon", WARN, "but icc is false in /etc/docker/daemon.json, which the running engine applies only after a daemon restart")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesDaemon(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new DefaultBridgeTrafficRestricted(), snapshot, expected);
    }
}
