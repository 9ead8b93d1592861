package io.fleetbench.rules.core.check.runtime;

import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutContainerField;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.fleetbench.model.event.InvalidEventException;
import org.junit.jupiter.api.Test;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReadOnlyRootFilesystemTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("read-only root passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "HostConfig.ReadonlyRootfs is true")),
                row("writable root warns",
                        snapshot().containers(container("web").writableRootfs()).build(),
                        expect("container:web", WARN, "HostConfig.ReadonlyRootfs is false")),
                row("several containers each get a finding",
                        snapshot().containers(container("a").writableRootfs(), container("b"),
                                container("c").writableRootfs().stopped("exited")).build(),
                        expect("container:a", WARN, "is false"),
                        expect("container:b", PASS, "is true"),
                        expect("container:c", WARN, "(container state: exited)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new ReadOnlyRootFilesystem(), snapshot, expected);
    }

    /**
     * The model's read-only flag is a primitive, so the codec rejects a container without it.
     * Such a snapshot goes to the dead-letter topic, and the check never receives an absent value.
     */
    @Test
    void rejectsSnapshotWithoutReadonlyField() {
        HostSnapshotCollected complete = snapshot().containers(container("web")).build();

        assertThatThrownBy(() -> withoutContainerField(complete, "web", "readonlyRootfs"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("boolean");
    }
}
