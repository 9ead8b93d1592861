package io.fleetbench.rules.core.condition;

import static io.fleetbench.model.finding.Status.INFO;
import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutContainerField;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.fleetbench.model.event.InvalidEventException;
import io.fleetbench.rules.core.BundledRules;
import org.junit.jupiter.api.Test;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoPrivilegedContainersTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("unprivileged container passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "HostConfig.Privileged is false")),
                row("privileged container warns",
                        snapshot().containers(container("web").privileged()).build(),
                        expect("container:web", WARN, "HostConfig.Privileged is true")),
                row("created container notes its state",
                        snapshot().containers(container("db").privileged().stopped("created")).build(),
                        expect("container:db", WARN, "HostConfig.Privileged is true (container state: created)")),
                row("three privileged containers give three findings",
                        snapshot().containers(container("a").privileged(), container("b"),
                                container("c").privileged(), container("d").privileged().stopped("exited")).build(),
                        expect("container:a", WARN, "HostConfig.Privileged is true"),
                        expect("container:b", PASS, "HostConfig.Privileged is false"),
                        expect("container:c", WARN, "HostConfig.Privileged is true"),
                        expect("container:d", WARN, "(container state: exited)")),
                row("host without containers reports nothing to check",
                        snapshot().build(),
                        expect("host", INFO, "no containers")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(BundledRules.registry().find("no-privileged-containers").orElseThrow(), snapshot,
                expected);
    }

    /**
     * The model's privileged flag is a primitive, so the codec rejects a container without it.
     * Such a snapshot goes to the dead-letter topic, and the check never receives an absent value.
     */
    @Test
    void rejectsSnapshotWithoutPrivilegedField() {
        HostSnapshotCollected complete = snapshot().containers(container("web")).build();

        assertThatThrownBy(() -> withoutContainerField(complete, "web", "privileged"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("boolean");
    }
}
