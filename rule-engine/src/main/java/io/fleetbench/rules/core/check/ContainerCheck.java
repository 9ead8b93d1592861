package io.fleetbench.rules.core.check;

import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.model.snapshot.ContainerFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * A check that assesses every container, running or stopped, and reports one result per container. A stopped
 * container is assessed from its configuration like a running one, because starting it again applies the same
 * settings; its reason names the state.
 */
public abstract class ContainerCheck implements Check {

    @Override
    public final TargetKind targetKind() {
        return TargetKind.CONTAINER;
    }

    @Override
    public final List<CheckResult> evaluate(CheckContext context) {
        if (context.containers().isEmpty()) {
            return List.of(CheckResult.of(Target.host(),
                    Assessment.info("the host has no containers, so there is nothing to check")));
        }
        List<ContainerFacts> containers = context.containers();
        List<CheckResult> results = new ArrayList<>(containers.size());
        for (int i = 0; i < containers.size(); i++) {
            ContainerFacts container = containers.get(i);
            Assessment assessment = assess(container, context);
            if (!container.running()) {
                assessment = assessment.withNote("(container state: " + container.state() + ")");
            }
            results.add(CheckResult.of(context.containerTarget(i), assessment));
        }
        return results;
    }

    /** Assesses one container; the reason names the deciding value and its source. */
    protected abstract Assessment assess(ContainerFacts container, CheckContext context);
}
