package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;

/** No container shares the host's process namespace, where it could see and signal host processes. */
public final class NoHostPidNamespace extends ContainerCheck {

    @Override
    public String key() {
        return "no-host-pid-namespace";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        String mode = container.pidMode();
        if (mode == null || mode.isBlank()) {
            return Assessment.pass("HostConfig.PidMode is empty, so the container gets its own PID namespace");
        }
        if (mode.equals("host")) {
            return Assessment.warn("HostConfig.PidMode is host");
        }
        return Assessment.pass("HostConfig.PidMode is " + mode);
    }
}
