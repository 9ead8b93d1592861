package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;

/** Each container has a memory limit, so one container cannot exhaust the host's memory. */
public final class MemoryLimited extends ContainerCheck {

    @Override
    public String key() {
        return "memory-limited";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        Long memory = container.memoryBytes();
        if (memory == null) {
            return Assessment.warn("HostConfig.Memory is absent, so memory is unlimited");
        }
        if (memory <= 0) {
            return Assessment.warn("HostConfig.Memory is " + memory + ", so memory is unlimited");
        }
        return Assessment.pass("HostConfig.Memory is " + memory + " bytes (" + toMebibytes(memory) + " MiB)");
    }

    private static String toMebibytes(long bytes) {
        double mebibytes = bytes / (1024.0 * 1024.0);
        return mebibytes == Math.rint(mebibytes) ? String.valueOf((long) mebibytes) : String.format("%.1f", mebibytes);
    }
}
