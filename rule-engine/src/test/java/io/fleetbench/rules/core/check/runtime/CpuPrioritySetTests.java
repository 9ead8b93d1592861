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

class CpuPrioritySetTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("custom CPU shares pass",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "HostConfig.CpuShares is 512")),
                row("default shares without quota warn",
                        snapshot().containers(container("web").cpu(0L, 0L)).build(),
                        expect("container:web", WARN, "HostConfig.CpuShares is 0 (the default weight)")),
                row("explicit 1024 counts as default",
                        snapshot().containers(container("web").cpu(1024L, 0L)).build(),
                        expect("container:web", WARN, "HostConfig.CpuShares is 1024 (the default weight)")),
                row("CPU quota passes without shares",
                        snapshot().containers(container("web").cpu(0L, 500_000_000L)).build(),
                        expect("container:web", PASS, "limits the container to 0.5 CPUs")),
                row("absent shares and quota warn",
                        withoutContainerField(withoutContainerField(snapshot().containers(container("web")).build(),
                                "web", "cpuShares"), "web", "nanoCpus"),
                        expect("container:web", WARN, "HostConfig.CpuShares is absent")),
                row("several containers each get a finding",
                        snapshot().containers(container("a").cpu(0L, 0L), container("b"),
                                container("c").cpu(null, null)).build(),
                        expect("container:a", WARN, "no CPU quota"),
                        expect("container:b", PASS, "512"),
                        expect("container:c", WARN, "no CPU quota")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new CpuPrioritySet(), snapshot, expected);
    }
}
