package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;

/** Each container has a PIDs limit, which stops a fork bomb inside it from exhausting the host. */
public final class PidsLimited extends ContainerCheck {

    @Override
    public String key() {
        return "pids-limited";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        Long limit = container.pidsLimit();
        if (limit == null) {
            return Assessment.warn("HostConfig.PidsLimit is absent, so the number of processes is unlimited");
        }
        if (limit <= 0) {
            // The Engine API accepts both 0 and -1 as unlimited. Engine 20.10 omits the field when no limit is set.
            return Assessment.warn("HostConfig.PidsLimit is " + limit + ", so the number of processes is unlimited");
        }
        return Assessment.pass("HostConfig.PidsLimit is " + limit);
    }
}
