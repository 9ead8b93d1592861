package io.fleetbench.model.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * A container port published on the host.
 *
 * @param containerPort the port and protocol inside the container, such as {@code 80/tcp}
 * @param hostIp the host address it is bound to; empty or {@code 0.0.0.0} means every interface
 * @param hostPort the host port, or empty where the engine chooses one
 */
public record PortBindingFacts(String containerPort, @Nullable String hostIp, @Nullable String hostPort) {
}
