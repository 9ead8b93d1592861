package io.fleetbench.rules.core.check.secret;

import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.container;
import static io.fleetbench.rules.core.TestSnapshots.fileReference;
import static io.fleetbench.rules.core.TestSnapshots.plainVariable;
import static io.fleetbench.rules.core.TestSnapshots.secretVariable;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutContainerField;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.EnvVariable;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NoPlainTextSecretsInEnvironmentTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("plain variables pass",
                        snapshot().containers(container("web").env(plainVariable("PATH"), plainVariable("LANG")))
                                .build(),
                        expect("container:web", PASS, "no variable in Config.Env looks like a secret (2 checked)")),
                row("secret-looking variable warns by name",
                        snapshot().containers(container("web").env(plainVariable("PATH"),
                                secretVariable("DB_PASSWORD", "name contains PASSWORD"))).build(),
                        expect("container:web", WARN, "secret-looking variables in Config.Env: DB_PASSWORD (name contains PASSWORD)")),
                row("file references pass",
                        snapshot().containers(container("web").env(fileReference("DB_PASSWORD_FILE"))).build(),
                        expect("container:web", PASS, "only as file references: DB_PASSWORD_FILE")),
                row("reason is optional",
                        snapshot().containers(container("web").env(new EnvVariable("TOKEN", true, null, false)))
                                .build(),
                        expect("container:web", WARN, "Config.Env: TOKEN")),
                row("absent env passes",
                        withoutContainerField(snapshot().containers(container("web")).build(), "web", "env"),
                        expect("container:web", PASS, "Config.Env is empty")),
                row("several offenders are each named",
                        snapshot().containers(
                                container("a").env(secretVariable("API_KEY", "name contains KEY"),
                                        secretVariable("SESSION", "value looks like a JWT"), fileReference("X_FILE")),
                                container("b").env(fileReference("TLS_KEY_FILE"), plainVariable("HOME")),
                                container("c").env(secretVariable("AWS_SECRET_ACCESS_KEY", "name contains SECRET"))
                                        .stopped("exited")).build(),
                        expect("container:a", WARN, "API_KEY (name contains KEY), SESSION (value looks like a JWT)"),
                        expect("container:b", PASS, "TLS_KEY_FILE"),
                        expect("container:c", WARN, "AWS_SECRET_ACCESS_KEY (name contains SECRET) (container state: exited)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void namesSecretVariables(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new NoPlainTextSecretsInEnvironment(), snapshot, expected);
    }
}
