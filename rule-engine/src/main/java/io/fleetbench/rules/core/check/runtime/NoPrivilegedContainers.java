package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;

/** No container runs privileged, which would give it every capability and every host device. */
public final class NoPrivilegedContainers extends ContainerCheck {

    @Override
    public String key() {
        return "no-privileged-containers";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        if (container.privileged()) {
            return Assessment.warn("HostConfig.Privileged is true");
        }
        return Assessment.pass("HostConfig.Privileged is false");
    }
}
