package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;

/** No container shares the host's network namespace. */
public final class NoHostNetworkMode extends ContainerCheck {

    @Override
    public String key() {
        return "no-host-network-mode";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        String mode = container.networkMode();
        if (mode == null || mode.isBlank()) {
            return Assessment.pass("HostConfig.NetworkMode is absent, so the container gets its own network namespace");
        }
        if (mode.equals("host")) {
            return Assessment.warn("HostConfig.NetworkMode is host");
        }
        return Assessment.pass("HostConfig.NetworkMode is " + mode);
    }
}
