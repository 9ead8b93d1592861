package io.fleetbench.rules.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.rules.core.catalogue.CatalogueLoader;
import io.fleetbench.rules.core.check.CheckRegistry;
import io.fleetbench.rules.core.condition.CheckedConditions;
import io.fleetbench.rules.core.evaluation.AuditEvaluator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Evaluates every bundled catalogue on the captured engine snapshots twice: with the conditions planned from the
 * checked forms stored in the jar, and with every condition compiled from its text.
 */
class StoredConditionsEvaluationTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T21:00:00Z"), ZoneOffset.UTC);

    @Test
    void storedAndCompiledFindingsMatch() {
        assertThat(CheckedConditions.bundled().size()).isPositive();
        CheckRegistry stored = BundledRules.loadRegistry(CheckedConditions.bundled());
        CheckRegistry compiled = BundledRules.loadRegistry(CheckedConditions.none());
        List<HostSnapshotCollected> snapshots = List.of(
                EngineFixtures.snapshot(EngineFixtures.MIXED),
                EngineFixtures.snapshot(EngineFixtures.MIXED, EngineFixtures.HARDENED_DAEMON_JSON),
                EngineFixtures.snapshot(EngineFixtures.MIXED, EngineFixtures.MISCONFIGURED_DAEMON_JSON));

        for (String version : BundledRules.versions()) {
            AuditEvaluator fromStore = new AuditEvaluator(new CatalogueLoader(stored).loadBundled(version), stored,
                    CLOCK);
            AuditEvaluator fromText = new AuditEvaluator(new CatalogueLoader(compiled).loadBundled(version), compiled,
                    CLOCK);
            for (HostSnapshotCollected snapshot : snapshots) {
                HostFindingsEvaluated expected = fromText.evaluate(snapshot);
                HostFindingsEvaluated actual = fromStore.evaluate(snapshot);

                assertThat(actual.findings()).as("benchmark %s", version).isNotEmpty();
                assertThat(actual.findings()).as("benchmark %s", version).isEqualTo(expected.findings());
            }
        }
    }
}
