package io.fleetbench.report;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Snapshots captured from a real engine (the collector's {@link EngineFixtures}), moved to a test's own host id,
 * sequence and time. Changes go through the JSON tree, so they keep every other field as the collector produced it.
 */
final class SnapshotFixtures {

    private SnapshotFixtures() {
    }

    /** Returns the mixed scenario with the given daemon.json fixture, as a snapshot of {@code hostId}. */
    static HostSnapshotCollected mixed(String hostId, Map<String, String> labels, long sequence, Instant collectedAt,
            String daemonJson) {
        return edit(EngineFixtures.snapshot(EngineFixtures.MIXED, daemonJson), snapshot -> {
            snapshot.put("eventId", UUID.randomUUID().toString());
            snapshot.put("sequence", sequence);
            snapshot.put("occurredAt", collectedAt.toString());
            ObjectNode host = snapshot.putObject("host");
            host.put("id", hostId);
            host.put("name", "Host " + hostId);
            host.put("agentVersion", "0.1.0");
            ObjectNode labelNode = host.putObject("labels");
            labels.forEach(labelNode::put);
        });
    }

    /** Returns {@code snapshot} with its containers replaced by {@code containers}. */
    static HostSnapshotCollected withContainers(HostSnapshotCollected snapshot, List<ContainerFacts> containers) {
        return edit(snapshot, tree -> tree.set("containers", EventCodec.mapper().valueToTree(containers)));
    }

    /** Returns {@code snapshot} as if another engine with {@code engineId} had sent it. */
    static HostSnapshotCollected fromEngine(HostSnapshotCollected snapshot, String engineId) {
        return edit(snapshot, tree -> ((ObjectNode) tree.get("engine")).put("engineId", engineId));
    }

    /** Returns {@code container} with one field replaced by a boolean value. */
    static ContainerFacts withField(ContainerFacts container, String field, boolean value) {
        ObjectNode tree = EventCodec.mapper().valueToTree(container);
        tree.put(field, value);
        return EventCodec.mapper().treeToValue(tree, ContainerFacts.class);
    }

    /** Returns the container named {@code name} of {@code snapshot}. */
    static ContainerFacts container(HostSnapshotCollected snapshot, String name) {
        return snapshot.containers().stream()
                .filter(container -> container.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("The fixture snapshot has no container named " + name));
    }

    private static HostSnapshotCollected edit(HostSnapshotCollected snapshot, Consumer<ObjectNode> change) {
        ObjectNode tree = EventCodec.mapper().valueToTree(snapshot);
        change.accept(tree);
        return EventCodec.decodeSnapshot(EventCodec.mapper().writeValueAsBytes(tree));
    }
}
