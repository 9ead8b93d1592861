package io.fleetbench.rules.core.check.image;

import static io.fleetbench.model.finding.Status.INFO;
import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.image;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import io.fleetbench.model.event.EventCodec;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.fleetbench.model.event.InvalidEventException;
import org.junit.jupiter.api.Test;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.rules.core.TestSnapshots;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

class ImagesDefineHealthcheckTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("image with healthcheck passes",
                        TestSnapshots.snapshot().images(image("local/app:2", "sha256:app")).build(),
                        expect("image:local/app:2", PASS, "Config.Healthcheck is set")),
                row("image without healthcheck warns",
                        TestSnapshots.snapshot().images(image("local/busybox:1", "sha256:busybox", "", false)).build(),
                        expect("image:local/busybox:1", WARN, "Config.Healthcheck is absent (engine API)")),
                row("untagged image is keyed by id",
                        TestSnapshots.snapshot().images(new ImageFacts("sha256:dangling", List.of(), List.of(), null,
                                null, false, List.of(), Map.of(), null)).build(),
                        expect("image:sha256:dangling", WARN, "has no HEALTHCHECK")),
                row("several images each get a finding",
                        TestSnapshots.snapshot().images(image("a:1", "sha256:a", "", false), image("b:1", "sha256:b"),
                                image("c:1", "sha256:c", "1000", false)).build(),
                        expect("image:a:1", WARN, "absent"),
                        expect("image:b:1", PASS, "is set"),
                        expect("image:c:1", WARN, "absent")),
                row("host without images reports nothing to check",
                        TestSnapshots.snapshot().images().build(),
                        expect("host", INFO, "no images")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryImage(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new ImagesDefineHealthcheck(), snapshot, expected);
    }

    private static HostSnapshotCollected withoutHealthcheckField(HostSnapshotCollected snapshot) {
        ObjectNode tree = (ObjectNode) EventCodec.mapper().readTree(EventCodec.encode(snapshot));
        for (var image : tree.withArray("images")) {
            ((ObjectNode) image).remove("healthcheckConfigured");
        }
        return EventCodec.decodeSnapshot(EventCodec.mapper().writeValueAsBytes(tree));
    }

    /**
     * The model's healthcheck flag is a primitive, so the codec rejects an image without it.
     * Such a snapshot goes to the dead-letter topic, and the check never receives an absent value.
     */
    @Test
    void rejectsSnapshotWithoutHealthcheckField() {
        HostSnapshotCollected complete = TestSnapshots.snapshot().images(image("local/app:2", "sha256:app")).build();

        assertThatThrownBy(() -> withoutHealthcheckField(complete))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("boolean");
    }
}
