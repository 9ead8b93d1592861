package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;

/**
 * Each container has a CPU weight other than the default, or a CPU quota. {@code CpuShares} of 0 means the default
 * weight of 1024, so 0 and 1024 both count as not set. A {@code NanoCpus} quota passes too, as in
 * docker-bench-security, because it also keeps one container from starving the others.
 */
public final class CpuPrioritySet extends ContainerCheck {

    /** The weight the kernel gives a container whose CpuShares is 0. */
    static final long DEFAULT_CPU_SHARES = 1024;

    @Override
    public String key() {
        return "cpu-priority-set";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        Long shares = container.cpuShares();
        if (shares != null && shares > 0 && shares != DEFAULT_CPU_SHARES) {
            return Assessment.pass("HostConfig.CpuShares is " + shares);
        }
        String sharesText = shares == null
                ? "HostConfig.CpuShares is absent"
                : "HostConfig.CpuShares is " + shares + " (the default weight)";
        Long nanoCpus = container.nanoCpus();
        if (nanoCpus != null && nanoCpus > 0) {
            return Assessment.pass(sharesText + ", but HostConfig.NanoCpus limits the container to "
                    + nanoCpus / 1_000_000_000.0 + " CPUs");
        }
        return Assessment.warn(sharesText + " and HostConfig.NanoCpus sets no CPU quota");
    }
}
