package io.fleetbench.model.snapshot;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The engine's swarm state and, on a manager, the swarm settings CIS Docker Benchmark section 7 reads. On a node
 * that is not a manager only the state and the node facts are set.
 *
 * @param localNodeState {@code inactive}, {@code pending}, {@code active}, {@code error} or {@code locked}
 * @param nodeId the local node's id, or {@code null} outside a swarm
 * @param manager whether the local node is a manager
 * @param managerCount the number of managers the engine reports, or {@code null}
 * @param nodeAddress the address the node advertises to the swarm, or {@code null}
 * @param managerAddresses the addresses of the managers the engine knows (host:port), the local one included
 * @param autoLockManagers whether manager auto-lock is on, or {@code null} where unknown
 * @param nodeCertExpirySeconds the validity of node certificates in seconds, or {@code null} where unknown
 * @param caForceRotate the CA rotation counter; it grows with every {@code docker swarm ca --rotate}
 * @param externalCas the number of external CAs configured
 * @param dataPathPort the data path (VXLAN) port, or {@code null} where the engine does not report it
 * @param overlayNetworks every overlay network with whether its data path is encrypted
 * @param secretCount the number of swarm secrets, or {@code null} where unknown
 * @param secretNames the names of the swarm secrets, never their values
 * @param error why part of the swarm settings could not be read, or {@code null}
 */
public record SwarmFacts(
        String localNodeState,
        @Nullable String nodeId,
        boolean manager,
        @Nullable Integer managerCount,
        @Nullable String nodeAddress,
        List<String> managerAddresses,
        @Nullable Boolean autoLockManagers,
        @Nullable Long nodeCertExpirySeconds,
        @Nullable Long caForceRotate,
        @Nullable Integer externalCas,
        @Nullable Integer dataPathPort,
        List<OverlayNetwork> overlayNetworks,
        @Nullable Integer secretCount,
        List<String> secretNames,
        @Nullable String error) {

    public SwarmFacts {
        localNodeState = localNodeState == null || localNodeState.isBlank() ? "inactive" : localNodeState;
        managerAddresses = managerAddresses == null ? List.of() : List.copyOf(managerAddresses);
        overlayNetworks = overlayNetworks == null ? List.of() : List.copyOf(overlayNetworks);
        secretNames = secretNames == null ? List.of() : List.copyOf(secretNames);
    }

    /** Returns facts for a node outside any swarm, or one whose swarm settings were not read. */
    public static SwarmFacts stateOnly(String localNodeState, @Nullable String nodeId, boolean manager) {
        return new SwarmFacts(localNodeState, nodeId, manager, null, null, List.of(), null, null, null, null, null,
                List.of(), null, List.of(), null);
    }

    /**
     * One overlay network.
     *
     * @param name the network name
     * @param encrypted whether the network sets the {@code encrypted} option
     */
    public record OverlayNetwork(String name, boolean encrypted) {
    }
}
