package io.fleetbench.rules.core.check.runtime;

import static io.fleetbench.model.finding.Status.INFO;
import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.engine;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutContainerField;
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

class SeccompNotUnconfinedTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("engine default profile passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "the engine's seccomp profile 'default' applies")),
                row("unconfined with equals warns",
                        snapshot().containers(container("web").securityOpt("seccomp=unconfined")).build(),
                        expect("container:web", WARN, "HostConfig.SecurityOpt has 'seccomp=unconfined'")),
                row("unconfined with colon warns",
                        snapshot().containers(container("web").securityOpt("seccomp:unconfined")).build(),
                        expect("container:web", WARN, "'seccomp:unconfined'")),
                row("custom profile passes without echoing it",
                        snapshot().containers(container("web").securityOpt("seccomp={\"defaultAction\":\"SCMP_ACT_ERRNO\"}"))
                                .build(),
                        expect("container:web", PASS, "sets a custom seccomp profile")),
                row("privileged container has no seccomp",
                        snapshot().containers(container("web").privileged()).build(),
                        expect("container:web", WARN, "HostConfig.Privileged is true, so the engine applies no seccomp")),
                row("unconfined engine default warns",
                        snapshot().engine(engine().securityOptions("name=seccomp,profile=unconfined"))
                                .containers(container("web")).build(),
                        expect("container:web", WARN, "default seccomp profile is unconfined")),
                row("engine without seccomp support is undecided",
                        snapshot().engine(engine().securityOptions("name=apparmor"))
                                .containers(container("web")).build(),
                        expect("container:web", INFO, "seccomp may be unavailable")),
                row("absent engine security options assume the default",
                        withoutEngineField(withoutContainerField(snapshot().containers(container("web")).build(),
                                "web", "securityOpt"), "securityOptions"),
                        expect("container:web", PASS, "the daemon's default profile is assumed")),
                row("several containers each get a finding",
                        snapshot().containers(container("a").securityOpt("seccomp=unconfined"), container("b"),
                                container("c").securityOpt("no-new-privileges", "seccomp:unconfined")).build(),
                        expect("container:a", WARN, "seccomp=unconfined"),
                        expect("container:b", PASS, "profile 'default'"),
                        expect("container:c", WARN, "seccomp:unconfined")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new SeccompNotUnconfined(), snapshot, expected);
    }
}
