package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.PortBindingFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Each published port is bound to a specific host address. An empty host address, {@code 0.0.0.0} or {@code ::}
 * binds every interface of the host.
 */
public final class PortsBoundToSpecificInterface extends ContainerCheck {

    private static final Set<String> EVERY_INTERFACE = Set.of("", "0.0.0.0", "::", "[::]");

    @Override
    public String key() {
        return "ports-bound-to-specific-interface";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        List<PortBindingFacts> ports = container.ports();
        if (ports.isEmpty()) {
            return Assessment.pass("HostConfig.PortBindings publishes no ports");
        }
        List<String> unbound = ports.stream()
                .filter(port -> bindsEveryInterface(port.hostIp()))
                .map(PortsBoundToSpecificInterface::describe)
                .toList();
        if (unbound.isEmpty()) {
            List<String> bound = ports.stream().map(PortsBoundToSpecificInterface::describe).toList();
            return Assessment.pass("every published port is bound to a specific address: " + String.join(", ", bound));
        }
        return Assessment.warn("ports bound to every host interface: " + String.join(", ", unbound));
    }

    static boolean bindsEveryInterface(@Nullable String hostIp) {
        return hostIp == null || EVERY_INTERFACE.contains(hostIp.trim());
    }

    private static String describe(PortBindingFacts port) {
        String hostIp = port.hostIp() == null || port.hostIp().isBlank() ? "(empty)" : port.hostIp();
        String hostPort = port.hostPort() == null || port.hostPort().isBlank() ? "(engine-chosen)" : port.hostPort();
        return hostIp + " port " + hostPort + " -> " + port.containerPort();
    }
}
