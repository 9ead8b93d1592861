package io.fleetbench.rules.core.evaluation;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import io.fleetbench.rules.core.catalogue.BenchmarkCatalogue;
import io.fleetbench.rules.core.catalogue.Recommendation;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.CheckRegistry;
import io.fleetbench.rules.core.check.CheckResult;
import io.fleetbench.rules.core.check.Target;
import io.fleetbench.rules.core.condition.ConditionCheck;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates host snapshots against one benchmark catalogue. The findings depend only on the snapshot and the
 * catalogue; the report's event id is random and its time comes from the injected clock.
 */
public final class AuditEvaluator {

    private static final System.Logger log = System.getLogger(AuditEvaluator.class.getName());

    private final BenchmarkCatalogue catalogue;
    private final Map<Recommendation, Check> checks = new LinkedHashMap<>();
    private final Clock clock;

    /**
     * Creates an evaluator of {@code catalogue}.
     *
     * @throws IllegalArgumentException if a recommendation names a check key that {@code registry} does not have
     */
    public AuditEvaluator(BenchmarkCatalogue catalogue, CheckRegistry registry, Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Recommendation recommendation : catalogue.recommendations()) {
            Check check = registry.find(recommendation.key()).orElseThrow(() -> new IllegalArgumentException(
                    "Benchmark catalogue " + catalogue.source() + ": recommendation " + recommendation.id()
                            + " names check key '" + recommendation.key() + "', which the registry does not have"));
            if (check instanceof ConditionCheck condition) {
                check = condition.withParams(recommendation.params());
            }
            checks.put(recommendation, check);
        }
    }

    public BenchmarkCatalogue catalogue() {
        return catalogue;
    }

    /** Evaluates every recommendation of the catalogue on {@code snapshot}, in catalogue order. */
    public HostFindingsEvaluated evaluate(HostSnapshotCollected snapshot) {
        CheckContext context = new CheckContext(snapshot);
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Recommendation, Check> entry : checks.entrySet()) {
            Recommendation recommendation = entry.getKey();
            for (CheckResult result : runCheck(entry.getValue(), recommendation, context)) {
                findings.add(toFinding(recommendation, result));
            }
        }
        return new HostFindingsEvaluated(
                HostFindingsEvaluated.SCHEMA_VERSION,
                UUID.randomUUID().toString(),
                clock.instant(),
                snapshot.host(),
                snapshot.sequence(),
                snapshot.eventId(),
                snapshot.occurredAt(),
                snapshot.engine().serverVersion(),
                catalogue.benchmarkId(),
                catalogue.version(),
                findings);
    }

    private static List<CheckResult> runCheck(Check check, Recommendation recommendation, CheckContext context) {
        try {
            List<CheckResult> results = check.evaluate(context);
            if (results.isEmpty()) {
                throw new IllegalStateException("check returned no result");
            }
            return results;
        } catch (RuntimeException e) {
            // A defect in one check must not cost the host its whole report, so the failure becomes an INFO finding
            // that names the check, and the error is logged with the ids needed to reproduce it.
            log.log(System.Logger.Level.ERROR, "Check " + check.key() + " failed for recommendation "
                    + recommendation.id() + " on host " + context.snapshot().hostId() + " snapshot sequence "
                    + context.snapshot().sequence(), e);
            return List.of(new CheckResult(Target.host(), Status.INFO, "check " + check.key() + " failed with "
                    + e.getClass().getSimpleName() + " (" + e.getMessage() + "), so this recommendation was not "
                    + "evaluated"));
        }
    }

    private static Finding toFinding(Recommendation recommendation, CheckResult result) {
        Target target = result.target();
        @Nullable String remediation = result.status() == Status.PASS ? null : recommendation.remediation();
        return new Finding(
                recommendation.id(),
                recommendation.title(),
                recommendation.section(),
                recommendation.scored(),
                target.kind(),
                target.key(),
                target.id(),
                result.status(),
                result.reason(),
                remediation);
    }
}
