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

class MemoryLimitedTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("memory limit passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "HostConfig.Memory is 268435456 bytes (256 MiB)")),
                row("zero memory warns",
                        snapshot().containers(container("web").memoryBytes(0L)).build(),
                        expect("container:web", WARN, "HostConfig.Memory is 0, so memory is unlimited")),
                row("absent memory warns",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "memoryBytes"),
                        expect("container:web", WARN, "HostConfig.Memory is absent")),
                row("several containers each get a finding",
                        snapshot().containers(container("a").memoryBytes(0L), container("b"),
                                container("c").memoryBytes(null)).build(),
                        expect("container:a", WARN, "is 0"),
                        expect("container:b", PASS, "256 MiB"),
                        expect("container:c", WARN, "is absent")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new MemoryLimited(), snapshot, expected);
    }
}
