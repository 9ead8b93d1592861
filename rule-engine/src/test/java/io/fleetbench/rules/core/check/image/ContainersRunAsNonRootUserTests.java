package io.fleetbench.rules.core.check.image;

import static io.fleetbench.model.finding.Status.INFO;
import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.BUSYBOX;
import static io.fleetbench.rules.core.TestSnapshots.BUSYBOX_ID;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.image;
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

class ContainersRunAsNonRootUserTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("numeric container user passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "the container's Config.User is '1000:1000'")),
                row("named non-root user passes",
                        snapshot().containers(container("web").user("nginx")).build(),
                        expect("container:web", PASS, "'nginx'")),
                row("root by name warns",
                        snapshot().containers(container("web").user("root")).build(),
                        expect("container:web", WARN, "the container's Config.User is 'root', which is root")),
                row("UID 0 with a group warns",
                        snapshot().containers(container("web").user("0:1000")).build(),
                        expect("container:web", WARN, "'0:1000', which is root")),
                row("empty user falls back to the image user",
                        snapshot().images(image("local/app:2", "sha256:app", "1000", true))
                                .containers(container("web").user("").image("local/app:2", "sha256:app")).build(),
                        expect("container:web", PASS, "image local/app:2 sets USER '1000'")),
                row("image without a user means root",
                        snapshot().images(image(BUSYBOX, BUSYBOX_ID, "", false))
                                .containers(container("web").user("")).build(),
                        expect("container:web", WARN, "image local/busybox:1 sets no USER, so the container runs as root")),
                row("image found by reference when the id differs",
                        snapshot().images(image("local/app:2", "sha256:app", "app", true))
                                .containers(container("web").user("").image("local/app:2", "sha256:gone")).build(),
                        expect("container:web", PASS, "image local/app:2 sets USER 'app'")),
                row("absent user and unknown image warn",
                        withoutContainerField(snapshot().images()
                                .containers(container("web").image("gone:1", "sha256:gone")).build(), "web", "user"),
                        expect("container:web", WARN, "its image gone:1 is not in the snapshot, so the engine default root applies")),
                row("several containers each get a finding",
                        snapshot().images(image(BUSYBOX, BUSYBOX_ID, "", false))
                                .containers(container("a").user(""), container("b"), container("c").user("0"),
                                        container("d").user("").stopped("exited")).build(),
                        expect("container:a", WARN, "runs as root"),
                        expect("container:b", PASS, "1000:1000"),
                        expect("container:c", WARN, "'0', which is root"),
                        expect("container:d", WARN, "(container state: exited)")),
                row("host without containers reports nothing to check",
                        snapshot().build(),
                        expect("host", INFO, "no containers")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEffectiveUser(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new ContainersRunAsNonRootUser(), snapshot, expected);
    }
}
