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
import io.fleetbench.model.snapshot.PortBindingFacts;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PortsBoundToSpecificInterfaceTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("no published port passes",
                        snapshot().containers(container("web")).build(),
                        expect("container:web", PASS, "publishes no ports")),
                row("loopback binding passes",
                        snapshot().containers(container("web").ports(
                                new PortBindingFacts("80/tcp", "127.0.0.1", "8080"))).build(),
                        expect("container:web", PASS, "127.0.0.1 port 8080 -> 80/tcp")),
                row("0.0.0.0 binds every interface",
                        snapshot().containers(container("web").ports(
                                new PortBindingFacts("80/tcp", "0.0.0.0", "8080"))).build(),
                        expect("container:web", WARN, "0.0.0.0 port 8080 -> 80/tcp")),
                row("IPv6 wildcard binds every interface",
                        snapshot().containers(container("web").ports(new PortBindingFacts("80/tcp", "::", "8080")))
                                .build(),
                        expect("container:web", WARN, ":: port 8080 -> 80/tcp")),
                row("absent host address binds every interface",
                        snapshot().containers(container("web").ports(new PortBindingFacts("443/tcp", null, null)))
                                .build(),
                        expect("container:web", WARN, "(empty) port (engine-chosen) -> 443/tcp")),
                row("absent ports field passes",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "ports"),
                        expect("container:web", PASS, "publishes no ports")),
                row("several offending ports are each named",
                        snapshot().containers(container("a").ports(
                                        new PortBindingFacts("80/tcp", "", "80"),
                                        new PortBindingFacts("443/tcp", "10.0.0.5", "443"),
                                        new PortBindingFacts("53/udp", "0.0.0.0", "53")),
                                container("b").ports(new PortBindingFacts("80/tcp", "::1", "8081"))).build(),
                        expect("container:a", WARN, "(empty) port 80 -> 80/tcp, 0.0.0.0 port 53 -> 53/udp"),
                        expect("container:b", PASS, "::1 port 8081 -> 80/tcp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesEveryContainer(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new PortsBoundToSpecificInterface(), snapshot, expected);
    }
}
