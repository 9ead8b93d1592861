package io.fleetbench.model.snapshot;

import java.util.Map;
import java.util.Objects;

/**
 * One network of the engine.
 *
 * @param id the network id
 * @param name the network name
 * @param driver the network driver, such as {@code bridge}
 * @param scope {@code local} or {@code swarm}
 * @param internal whether the network has no route outside the host
 * @param attachable whether standalone containers may attach to a swarm network
 * @param ipv6 whether IPv6 is enabled
 * @param options the driver options, such as {@code com.docker.network.bridge.enable_icc}
 */
public record NetworkFacts(
        String id,
        String name,
        String driver,
        String scope,
        boolean internal,
        boolean attachable,
        boolean ipv6,
        Map<String, String> options) {

    public NetworkFacts {
        Objects.requireNonNull(id, "network id is missing");
        Objects.requireNonNull(name, "network name is missing");
        driver = driver == null ? "" : driver;
        scope = scope == null ? "" : scope;
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
