package io.fleetbench.report.query;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.report.query.HostDiff.ContainerChange;
import io.fleetbench.report.query.HostDiff.FieldChange;
import io.fleetbench.report.query.HostDiff.SnapshotRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Computes the difference between two snapshots of one host. A pure function of its inputs. */
public final class HostDiffs {

    private HostDiffs() {
    }

    /**
     * Compares {@code from} with {@code to}. Containers are matched by name, because a redeploy gives a container a
     * new id; a changed id shows as a changed field.
     *
     * @param transitions the host's transitions recorded after {@code from} up to {@code to}
     */
    public static HostDiff between(HostSnapshotView from, HostSnapshotView to, List<TransitionView> transitions) {
        Map<String, ContainerFacts> before = byName(from.containers());
        Map<String, ContainerFacts> after = byName(to.containers());

        List<ContainerFacts> added = new ArrayList<>();
        List<ContainerFacts> removed = new ArrayList<>();
        List<ContainerChange> changed = new ArrayList<>();
        for (ContainerFacts container : after.values()) {
            ContainerFacts previous = before.get(container.name());
            if (previous == null) {
                added.add(container);
            } else {
                List<FieldChange> changes = fieldChanges(tree(previous), tree(container));
                if (!changes.isEmpty()) {
                    changed.add(new ContainerChange(container.name(), changes));
                }
            }
        }
        for (ContainerFacts container : before.values()) {
            if (!after.containsKey(container.name())) {
                removed.add(container);
            }
        }

        List<TransitionView> opened = new ArrayList<>();
        List<TransitionView> resolved = new ArrayList<>();
        List<TransitionView> statusChanged = new ArrayList<>();
        for (TransitionView transition : transitions) {
            switch (transition.kind()) {
                case OPENED -> opened.add(transition);
                case RESOLVED -> resolved.add(transition);
                case STATUS_CHANGED -> statusChanged.add(transition);
                default -> {
                    // Waiver transitions change no finding's status as the rule engine reported it.
                }
            }
        }

        return new HostDiff(
                to.hostId(),
                new SnapshotRef(from.snapshotSequence(), from.collectedAt()),
                new SnapshotRef(to.snapshotSequence(), to.collectedAt()),
                added,
                removed,
                changed,
                daemonChanges(from.daemon().settings(), to.daemon().settings()),
                fieldChanges(tree(from.engine()), tree(to.engine())),
                opened,
                resolved,
                statusChanged);
    }

    /** Compares the values of two daemon settings maps by daemon.json key, ignoring where a value came from. */
    private static List<FieldChange> daemonChanges(Map<String, DaemonSetting> before,
            Map<String, DaemonSetting> after) {
        List<FieldChange> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            JsonNode previous = valueTree(before.get(key));
            JsonNode current = valueTree(after.get(key));
            if (!Objects.equals(previous, current)) {
                changes.add(new FieldChange(key, previous, current));
            }
        }
        return changes;
    }

    /** Compares two JSON objects field by field, in field-name order. */
    private static List<FieldChange> fieldChanges(JsonNode before, JsonNode after) {
        TreeSet<String> fields = new TreeSet<>(before.propertyNames());
        fields.addAll(after.propertyNames());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode previous = before.get(field);
            JsonNode current = after.get(field);
            if (!Objects.equals(previous, current)) {
                changes.add(new FieldChange(field, previous, current));
            }
        }
        return changes;
    }

    private static @Nullable JsonNode valueTree(@Nullable DaemonSetting setting) {
        return setting == null ? null : EventCodec.mapper().valueToTree(setting.value());
    }

    private static JsonNode tree(Object value) {
        return EventCodec.mapper().valueToTree(value);
    }

    private static Map<String, ContainerFacts> byName(List<ContainerFacts> containers) {
        Map<String, ContainerFacts> byName = new TreeMap<>();
        for (ContainerFacts container : containers) {
            byName.put(container.name(), container);
        }
        return new LinkedHashMap<>(byName);
    }
}
