package io.fleetbench.collector.engine;

import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PeerNode;
import com.github.dockerjava.api.model.Secret;
import com.github.dockerjava.api.model.Swarm;
import com.github.dockerjava.api.model.SwarmInfo;
import io.fleetbench.model.snapshot.SwarmFacts;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Maps the swarm parts of {@code /info}, {@code /swarm}, {@code /secrets} and {@code /networks} to
 * {@link SwarmFacts}. Secret values never reach the agent, because the Engine API does not return them; only names
 * are kept.
 */
final class SwarmMapping {

    private SwarmMapping() {
    }

    static SwarmFacts map(EngineState engine) {
        Info info = engine.info();
        SwarmInfo swarmInfo = info.getSwarm();
        String state = localNodeState(info, swarmInfo);
        String nodeId = swarmInfo == null || swarmInfo.getNodeID() == null || swarmInfo.getNodeID().isEmpty()
                ? null : swarmInfo.getNodeID();
        boolean manager = swarmInfo != null && Boolean.TRUE.equals(swarmInfo.getControlAvailable());
        if (!manager || engine.swarm() == null) {
            SwarmFacts facts = SwarmFacts.stateOnly(state, nodeId, manager);
            return engine.swarmError() == null ? facts : withError(facts, engine.swarmError());
        }
        Swarm swarm = engine.swarm();
        List<String> managers = swarmInfo.getRemoteManagers() == null ? List.of()
                : swarmInfo.getRemoteManagers().stream().map(PeerNode::getAddr).filter(Objects::nonNull).sorted()
                        .toList();
        List<SwarmFacts.OverlayNetwork> overlays = engine.networks().stream()
                .filter(network -> "overlay".equals(network.getDriver()))
                .map(SwarmMapping::overlay)
                .sorted(Comparator.comparing(SwarmFacts.OverlayNetwork::name))
                .toList();
        List<String> secretNames = engine.secrets().stream()
                .map(secret -> RawValues.string(secret, "Spec", "Name"))
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        return new SwarmFacts(
                state,
                nodeId,
                true,
                swarmInfo.getManagers(),
                emptyToNull(swarmInfo.getNodeAddr()),
                managers,
                RawValues.bool(swarm, "Spec", "EncryptionConfig", "AutoLockManagers"),
                nanosToSeconds(RawValues.at(swarm, "Spec", "CAConfig", "NodeCertExpiry")),
                number(RawValues.at(swarm, "Spec", "CAConfig", "ForceRotate")),
                RawValues.at(swarm, "Spec", "CAConfig", "ExternalCAs") instanceof List<?> cas ? cas.size() : 0,
                intNumber(RawValues.at(swarm, "DataPathPort")),
                overlays,
                engine.secrets().size(),
                secretNames,
                engine.swarmError());
    }

    private static SwarmFacts.OverlayNetwork overlay(Network network) {
        Map<String, String> options = network.getOptions() == null ? Map.of() : network.getOptions();
        return new SwarmFacts.OverlayNetwork(network.getName(), options.containsKey("encrypted"));
    }

    private static SwarmFacts withError(SwarmFacts facts, String error) {
        return new SwarmFacts(facts.localNodeState(), facts.nodeId(), facts.manager(), null, null, List.of(), null,
                null, null, null, null, List.of(), null, List.of(), error);
    }

    /** Reads the raw state first, because docker-java maps it to an enum whose names are upper case. */
    static String localNodeState(Info info, @Nullable SwarmInfo swarm) {
        String raw = RawValues.string(info, "Swarm", "LocalNodeState");
        if (raw != null && !raw.isEmpty()) {
            return raw;
        }
        if (swarm == null || swarm.getLocalNodeState() == null) {
            return "inactive";
        }
        return swarm.getLocalNodeState().name().toLowerCase(Locale.ROOT);
    }

    /** The Engine API gives {@code NodeCertExpiry} in nanoseconds. */
    private static @Nullable Long nanosToSeconds(@Nullable Object value) {
        Long nanos = number(value);
        return nanos == null ? null : nanos / 1_000_000_000L;
    }

    private static @Nullable Long number(@Nullable Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }

    private static @Nullable Integer intNumber(@Nullable Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
