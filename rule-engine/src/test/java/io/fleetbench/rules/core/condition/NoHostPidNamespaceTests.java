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

class NoHostPidNamespaceTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("private PID namespace passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "HostConfig.PidMode is empty")),
                row("host PID namespace warns",
                        snapshot().containers(container("web").pidMode("host")).build(),
                        expect("container:web", WARN, "HostConfig.PidMode is host")),
                row("absent PID mode passes",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "pidMode"),
                        expect("container:web", PASS, "HostConfig.PidMode is empty")),
                row("several containers each get a finding",
                        snapshot().containers(container("a").pidMode("host"), container("b").pidMode("container:a"),
                                container("c").pidMode("host")).build(),
                        expect("container:a", WARN, "HostConfig.PidMode is host"),
                        expect("container:b", WARN,
                                "HostConfig.PidMode is container:a, which joins a container that shares the host PID namespace"),
                        expect("container:c", WARN, "HostConfig.PidMode is host")),
                row("joining a private PID namespace passes",
                        snapshot().containers(container("owner"), container("joiner").pidMode("container:id-owner"))
                                .build(),
                        expect("container:owner", PASS, "HostConfig.PidMode is empty"),
                        expect("container:joiner", PASS, "HostConfig.PidMode is container:id-owner")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(BundledRules.registry().find("no-host-pid-namespace").orElseThrow(), snapshot,
                expected);
    }
}
