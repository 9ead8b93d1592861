package io.fleetbench.rules.core.condition;

import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutContainerField;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.rules.core.BundledRules;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoHostNetworkModeTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("user-defined network passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "HostConfig.NetworkMode is fleetbench")),
                row("host network warns",
                        snapshot().containers(container("web").networkMode("host")).build(),
                        expect("container:web", WARN, "HostConfig.NetworkMode is host")),
                row("joining a host-network container warns",
                        snapshot().containers(container("owner").networkMode("host"),
                                container("joiner").networkMode("container:id-owner")).build(),
                        expect("container:owner", WARN, "HostConfig.NetworkMode is host"),
                        expect("container:joiner", WARN,
                                "HostConfig.NetworkMode is container:id-owner, which joins a container that uses the host network")),
                row("joining a bridged container passes",
                        snapshot().containers(container("owner"),
                                container("joiner").networkMode("container:id-owner")).build(),
                        expect("container:owner", PASS, "HostConfig.NetworkMode is fleetbench"),
                        expect("container:joiner", PASS, "HostConfig.NetworkMode is container:id-owner")),
                row("absent network mode passes",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "networkMode"),
                        expect("container:web", PASS, "HostConfig.NetworkMode is absent")),
                row("several containers each get a finding",
                        snapshot().containers(container("a").networkMode("host"), container("b").networkMode("none"),
                                container("c").networkMode("host").stopped("exited")).build(),
                        expect("container:a", WARN, "HostConfig.NetworkMode is host"),
                        expect("container:b", PASS, "HostConfig.NetworkMode is none"),
                        expect("container:c", WARN, "HostConfig.NetworkMode is host (container state: exited)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(BundledRules.registry().find("no-host-network-mode").orElseThrow(), snapshot,
                expected);
    }
}
