package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;

/** Each container's root filesystem is mounted read-only. */
public final class ReadOnlyRootFilesystem extends ContainerCheck {

    @Override
    public String key() {
        return "read-only-root-filesystem";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        if (container.readonlyRootfs()) {
            return Assessment.pass("HostConfig.ReadonlyRootfs is true");
        }
        return Assessment.warn("HostConfig.ReadonlyRootfs is false, so the root filesystem is writable");
    }
}
