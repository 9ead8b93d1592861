package io.fleetbench.rules.core.condition;

import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.NetworkFacts;
import io.fleetbench.rules.core.check.Check;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.CheckResult;
import io.fleetbench.rules.core.check.Target;
import io.fleetbench.rules.core.condition.ConditionLanguage.CompiledCondition;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A catalogue rule evaluated from data: a CEL condition, or a description of what to check by hand where the
 * snapshot's facts cannot decide. A rule about containers, images or networks is evaluated once per target, with the
 * target bound to {@code target}; any other rule once, with an empty {@code target}.
 *
 * <p>A rule that needs host facts reports INFO on the host while the snapshot has none, naming what to check by
 * hand, so that the recommendation still appears in the report.
 */
public final class ConditionCheck implements Check {

    private final String key;
    private final TargetKind targetKind;
    private final @Nullable CompiledCondition condition;
    private final String manualCheck;
    private final boolean requiresHostFacts;
    private final Map<String, Object> params;

    /**
     * Creates a rule.
     *
     * @param condition the compiled condition, or {@code null} for a rule that only a person can assess
     * @param manualCheck what to check by hand, used as the NOTE of a rule without condition and in the INFO
     *     finding of a rule whose facts are missing
     * @param params values the condition reads as {@code params}, such as a list of sensitive paths
     */
    public ConditionCheck(String key, TargetKind targetKind, @Nullable CompiledCondition condition,
            String manualCheck, boolean requiresHostFacts, Map<String, ?> params) {
        this.key = Objects.requireNonNull(key, "key");
        this.targetKind = Objects.requireNonNull(targetKind, "targetKind");
        this.condition = condition;
        this.manualCheck = Objects.requireNonNull(manualCheck, "manualCheck");
        this.requiresHostFacts = requiresHostFacts;
        @SuppressWarnings("unchecked")
        Map<String, Object> converted = (Map<String, Object>) SnapshotValues.convert(params);
        this.params = converted == null ? Map.of() : Map.copyOf(converted);
    }

    /** Returns this rule with {@code overrides} replacing its default parameters of the same name. */
    public ConditionCheck withParams(Map<String, ?> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new HashMap<>(params);
        merged.putAll(overrides);
        return new ConditionCheck(key, targetKind, condition, manualCheck, requiresHostFacts, merged);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public TargetKind targetKind() {
        return targetKind;
    }

    public @Nullable CompiledCondition condition() {
        return condition;
    }

    public Map<String, Object> params() {
        return params;
    }

    @Override
    public List<CheckResult> evaluate(CheckContext context) {
        SnapshotValues values = context.derived(SnapshotValues.class, SnapshotValues::new);
        if (requiresHostFacts && !values.hostFactsCollected()) {
            return List.of(new CheckResult(Target.host(), Status.INFO,
                    "host facts not collected (the snapshot has no hostFacts), so this was not evaluated. Check by "
                            + "hand: " + manualCheck));
        }
        List<CheckResult> nothingToCheck = nothingToCheck(context);
        if (nothingToCheck != null) {
            return nothingToCheck;
        }
        if (condition == null) {
            return List.of(new CheckResult(singletonTarget(), Status.NOTE, manualCheck));
        }
        return switch (targetKind) {
            case CONTAINER -> evaluateContainers(context, values);
            case IMAGE -> evaluateImages(context, values);
            case NETWORK -> evaluateNetworks(context, values);
            default -> List.of(evaluateOne(singletonTarget(), values));
        };
    }

    /** Returns the INFO finding of a rule about containers, images or networks on a host that has none. */
    private @Nullable List<CheckResult> nothingToCheck(CheckContext context) {
        String missing = switch (targetKind) {
            case CONTAINER -> context.containers().isEmpty() ? "the host has no containers" : null;
            case IMAGE -> context.images().isEmpty() ? "the host has no images" : null;
            case NETWORK -> context.networks().isEmpty() ? "the snapshot lists no networks" : null;
            default -> null;
        };
        return missing == null ? null
                : List.of(new CheckResult(Target.host(), Status.INFO, missing + ", so there is nothing to check"));
    }

    private List<CheckResult> evaluateContainers(CheckContext context, SnapshotValues values) {
        List<ContainerFacts> containers = context.containers();
        List<CheckResult> results = new ArrayList<>(containers.size());
        Map<Object, Verdict> verdicts = new HashMap<>();
        for (int i = 0; i < containers.size(); i++) {
            ContainerFacts container = containers.get(i);
            Target target = context.containerTarget(i);
            Verdict verdict = verdictFor(verdicts, target, values, values.containers().get(i), values.imageOf(container));
            String reason = container.running() ? verdict.reason()
                    : verdict.reason() + " (container state: " + container.state() + ")";
            results.add(new CheckResult(target, verdict.status(), reason));
        }
        return results;
    }

    private List<CheckResult> evaluateImages(CheckContext context, SnapshotValues values) {
        List<ImageFacts> images = context.images();
        List<CheckResult> results = new ArrayList<>(images.size());
        Map<Object, Verdict> verdicts = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            Map<String, Object> image = values.images().get(i);
            Target target = context.imageTarget(i);
            Verdict verdict = verdictFor(verdicts, target, values, image, image);
            results.add(new CheckResult(target, verdict.status(), verdict.reason()));
        }
        return results;
    }

    private List<CheckResult> evaluateNetworks(CheckContext context, SnapshotValues values) {
        List<NetworkFacts> networks = context.networks();
        List<CheckResult> results = new ArrayList<>(networks.size());
        Map<Object, Verdict> verdicts = new HashMap<>();
        for (int i = 0; i < networks.size(); i++) {
            NetworkFacts network = networks.get(i);
            Target target = new Target(TargetKind.NETWORK, TargetKind.NETWORK.key(network.name()), network.id());
            Verdict verdict = verdictFor(verdicts, target, values, values.networks().get(i), Map.of());
            results.add(new CheckResult(target, verdict.status(), verdict.reason()));
        }
        return results;
    }

    /**
     * Returns the verdict for one target, evaluating the condition only for the first target of this snapshot with
     * the same values in the fields the condition reads. Every other variable is the same for the whole snapshot.
     */
    private Verdict verdictFor(Map<Object, Verdict> verdicts, Target target, SnapshotValues values,
            Map<String, Object> targetValues, Map<String, Object> image) {
        TargetReads reads = Objects.requireNonNull(condition).reads();
        if (reads == null) {
            return evaluateCondition(target, values, targetValues, image);
        }
        Object key = reads.key(targetValues, image);
        Verdict verdict = verdicts.get(key);
        if (verdict == null) {
            verdict = evaluateCondition(target, values, targetValues, image);
            verdicts.put(key, verdict);
        }
        return verdict;
    }

    private CheckResult evaluateOne(Target target, SnapshotValues values) {
        Verdict verdict = evaluateCondition(target, values, Map.of(), Map.of());
        return new CheckResult(target, verdict.status(), verdict.reason());
    }

    private Verdict evaluateCondition(Target target, SnapshotValues values, Map<String, Object> targetValues,
            Map<String, Object> image) {
        CelVariableResolver variables = name -> Optional.ofNullable(switch (name) {
            case "snapshot" -> values.snapshot();
            case "engine" -> values.engine();
            case "daemon" -> values.daemon();
            case "host" -> values.host();
            case "target" -> targetValues;
            case "image" -> image;
            case "params" -> params;
            default -> null;
        });
        Object result;
        try {
            result = Objects.requireNonNull(condition).evaluate(variables);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("condition of rule " + key + " failed on " + target.key() + ": "
                    + e.getMessage(), e);
        }
        if (!(result instanceof Map<?, ?> verdict)
                || !(verdict.get("verdict") instanceof String status)
                || !(verdict.get("reason") instanceof String reason)) {
            throw new IllegalStateException("condition of rule " + key + " returned " + result
                    + " on " + target.key() + " instead of a verdict such as pass('reason')");
        }
        return new Verdict(Status.valueOf(status), reason);
    }

    /** The status and reason a condition returned, before the target and its state are attached. */
    private record Verdict(Status status, String reason) {
    }

    private Target singletonTarget() {
        return switch (targetKind) {
            case DAEMON -> Target.daemon();
            case SWARM -> new Target(TargetKind.SWARM, TargetKind.SWARM.key(""), null);
            default -> Target.host();
        };
    }
}
