package io.fleetbench.rules.core.check.runtime;

import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutContainerField;
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

class PidsLimitedTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("positive limit passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "HostConfig.PidsLimit is 100")),
                row("zero limit warns",
                        snapshot().containers(container("web").pidsLimit(0L)).build(),
                        expect("container:web", WARN, "HostConfig.PidsLimit is 0")),
                row("minus one warns",
                        snapshot().containers(container("web").pidsLimit(-1L)).build(),
                        expect("container:web", WARN, "HostConfig.PidsLimit is -1")),
                row("absent limit warns",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "pidsLimit"),
                        expect("container:web", WARN, "HostConfig.PidsLimit is absent")),
                row("several containers each get a finding",
                        snapshot().containers(container("a").pidsLimit(null), container("b"),
                                container("c").pidsLimit(-1L)).build(),
                        expect("container:a", WARN, "absent"),
                        expect("container:b", PASS, "100"),
                        expect("container:c", WARN, "-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new PidsLimited(), snapshot, expected);
    }
}
