package io.fleetbench.rules.core.check.runtime;

import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.engine;
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

class NoAddedCapabilitiesTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("no added capability passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "HostConfig.CapAdd is empty")),
                row("added capabilities warn and are named",
                        snapshot().containers(container("web").capAdd("NET_ADMIN", "SYS_ADMIN")).build(),
                        expect("container:web", WARN, "capabilities added: NET_ADMIN, SYS_ADMIN")),
                row("CAP_ prefix and lower case are normalised",
                        snapshot().containers(container("web").capAdd("cap_sys_admin")).build(),
                        expect("container:web", WARN, "capabilities added: SYS_ADMIN")),
                row("re-adding a default capability still warns",
                        snapshot().containers(container("web").capAdd("CHOWN")).build(),
                        expect("container:web", WARN, "CHOWN already in the engine's default set")),
                row("absent field means no capability added",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "capAdd"),
                        expect("container:web", PASS, "HostConfig.CapAdd is empty")),
                row("several containers each get a finding",
                        snapshot().containers(container("a").capAdd("ALL"), container("b"),
                                container("c").capAdd("NET_RAW", "SYS_PTRACE")).build(),
                        expect("container:a", WARN, "capabilities added: ALL"),
                        expect("container:b", PASS, "HostConfig.CapAdd is empty"),
                        expect("container:c", WARN, "capabilities added: NET_RAW, SYS_PTRACE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new NoAddedCapabilities(), snapshot, expected);
    }
}
