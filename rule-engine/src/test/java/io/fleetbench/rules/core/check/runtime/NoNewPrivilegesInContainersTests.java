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

class NoNewPrivilegesInContainersTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("colon true passes",
                        snapshot().containers(container("web").securityOpt("no-new-privileges:true")).build(),
                        expect("container:web", PASS, "HostConfig.SecurityOpt has 'no-new-privileges:true'")),
                row("bare option passes",
                        snapshot().containers(container("web").securityOpt("no-new-privileges")).build(),
                        expect("container:web", PASS, "'no-new-privileges'")),
                row("equals true passes",
                        snapshot().containers(container("web").securityOpt("no-new-privileges=true")).build(),
                        expect("container:web", PASS, "'no-new-privileges=true'")),
                row("colon false warns",
                        snapshot().containers(container("web").securityOpt("no-new-privileges:false")).build(),
                        expect("container:web", WARN, "'no-new-privileges:false'")),
                row("equals false warns even with daemon default",
                        snapshot().daemonJson("no-new-privileges", true)
                                .containers(container("web").securityOpt("no-new-privileges=false")).build(),
                        expect("container:web", WARN, "'no-new-privileges=false'")),
                row("non-boolean value warns",
                        snapshot().containers(container("web").securityOpt("no-new-privileges=yes")).build(),
                        expect("container:web", WARN, "not a boolean")),
                row("absent option falls back to daemon default",
                        withoutContainerField(snapshot().daemonJson("no-new-privileges", true)
                                .containers(container("web")).build(), "web", "securityOpt"),
                        expect("container:web", PASS, "no-new-privileges is true in /etc/docker/daemon.json")),
                row("absent option without daemon default warns",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "securityOpt"),
                        expect("container:web", WARN, "the daemon does not set no-new-privileges")),
                row("several containers each get a finding",
                        snapshot().containers(container("a").securityOpt(), container("b"),
                                container("c").securityOpt("seccomp=unconfined", "no-new-privileges:false")).build(),
                        expect("container:a", WARN, "has no no-new-privileges entry"),
                        expect("container:b", PASS, "no-new-privileges:true"),
                        expect("container:c", WARN, "no-new-privileges:false")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new NoNewPrivilegesInContainers(), snapshot, expected);
    }
}
