package io.fleetbench.rules.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.model.snapshot.ContainerFacts;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Runs one check on a snapshot and compares its results, in order, with the rows of a table test. */
public final class CheckTables {

    private CheckTables() {
    }

    /** One expected result: the target key, the verdict and a fragment the reason must contain. */
    public record Expected(String targetKey, Status status, String reasonFragment) {
    }

    public static Expected expect(String targetKey, Status status, String reasonFragment) {
        return new Expected(targetKey, status, reasonFragment);
    }

    /** Returns a table row: a description for the test name, the snapshot and the expected results. */
    public static Arguments row(String description, HostSnapshotCollected snapshot, Expected... expected) {
        return Arguments.of(description, snapshot, List.of(expected));
    }

    /** Evaluates {@code check} and asserts one result per expected row, in the same order. */
    public static void assertResults(Check check, HostSnapshotCollected snapshot, List<Expected> expected) {
        List<CheckResult> results = check.evaluate(new CheckContext(snapshot));

        assertThat(results).as("results of %s", check.key()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            CheckResult result = results.get(i);
            Expected row = expected.get(i);
            assertThat(result.target().key()).as("target of result %d", i).isEqualTo(row.targetKey());
            assertThat(result.status()).as("status of %s (reason: %s)", row.targetKey(), result.reason())
                    .isEqualTo(row.status());
            assertThat(result.reason()).as("reason of %s", row.targetKey()).contains(row.reasonFragment());
            if (result.target().kind() == TargetKind.CONTAINER) {
                String name = row.targetKey().substring("container:".length());
                String expectedId = snapshot.containers().stream()
                        .filter(container -> container.name().equals(name))
                        .map(ContainerFacts::id)
                        .findFirst()
                        .orElseThrow();
                assertThat(result.target().id()).as("target id of %s", row.targetKey()).isEqualTo(expectedId);
            }
        }
    }
}
