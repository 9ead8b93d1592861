package io.fleetbench.rules.core.condition;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.ImageFacts;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One snapshot as CEL values: records become maps keyed by their component names, lists stay lists, whole numbers
 * become {@code int} (Java {@code long}), times and enums become strings. A {@code null} component is left out of
 * its map, so conditions test for it with {@code has(target.pidsLimit)}. Built once per snapshot and shared by every
 * rule.
 */
final class SnapshotValues {

    /** Record components per class; {@link Class#getRecordComponents()} copies them on every call. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private final Map<String, Object> snapshot;
    private final Map<String, Object> engine;
    private final Map<String, Object> daemon;
    private final Map<String, Object> host;
    private final List<Map<String, Object>> containers;
    private final List<Map<String, Object>> images;
    private final List<Map<String, Object>> networks;
    private final Map<String, Map<String, Object>> imagesById = new HashMap<>();
    private final Map<String, Map<String, Object>> imagesByTag = new HashMap<>();

    SnapshotValues(HostSnapshotCollected source) {
        this(source, null);
    }

    /**
     * Converts {@code source}, taking the host facts from {@code hostFacts} where it is not {@code null} instead of
     * from the snapshot's {@code hostFacts} component, as the agent would send them.
     */
    @SuppressWarnings("unchecked")
    SnapshotValues(HostSnapshotCollected source, @Nullable Map<String, Object> hostFacts) {
        this.snapshot = convertRecord(source, Set.of("containers", "images"));
        this.engine = (Map<String, Object>) snapshot.get("engine");
        this.daemon = daemonSettings(source);
        if (hostFacts != null) {
            snapshot.put("hostFacts", hostFacts);
        }
        Object collected = snapshot.get("hostFacts");
        this.host = collected instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        this.containers = new ArrayList<>();
        for (ContainerFacts container : source.containers()) {
            Map<String, Object> values = (Map<String, Object>) convert(container);
            values.put("securityOptions", securityOptions(container.securityOpt()));
            containers.add(values);
        }
        this.images = new ArrayList<>();
        for (ImageFacts image : source.images()) {
            Map<String, Object> values = (Map<String, Object>) convert(image);
            values.put("reference", image.reference());
            images.add(values);
            imagesById.putIfAbsent(image.id(), values);
            for (String tag : image.repoTags()) {
                imagesByTag.putIfAbsent(tag, values);
            }
        }
        this.networks = (List<Map<String, Object>>) snapshot.get("networks");
        snapshot.put("containers", containers);
        snapshot.put("images", images);
    }

    Map<String, Object> snapshot() {
        return snapshot;
    }

    Map<String, Object> engine() {
        return engine;
    }

    Map<String, Object> daemon() {
        return daemon;
    }

    /** Returns the host facts, or an empty map where the agent did not collect them. */
    Map<String, Object> host() {
        return host;
    }

    boolean hostFactsCollected() {
        return !host.isEmpty();
    }

    List<Map<String, Object>> containers() {
        return containers;
    }

    List<Map<String, Object>> images() {
        return images;
    }

    List<Map<String, Object>> networks() {
        return networks;
    }

    /** Returns the image a container was created from, by id and then by reference, or an empty map. */
    Map<String, Object> imageOf(ContainerFacts container) {
        Map<String, Object> byId = container.imageId() == null ? null : imagesById.get(container.imageId());
        if (byId != null) {
            return byId;
        }
        return imagesByTag.getOrDefault(container.image(), Map.of());
    }

    /**
     * Returns each daemon setting as {@code {value, source}}, where source is the daemon.json path, {@code the
     * dockerd command line} or {@code the engine API}, ready for a reason.
     */
    private static Map<String, Object> daemonSettings(HostSnapshotCollected source) {
        Map<String, Object> settings = new LinkedHashMap<>();
        String file = source.daemon().configFile();
        for (Map.Entry<String, DaemonSetting> entry : source.daemon().settings().entrySet()) {
            DaemonSetting setting = entry.getValue();
            String origin = switch (setting.source()) {
                case DAEMON_JSON -> file == null ? "daemon.json" : file;
                case COMMAND_LINE -> "the dockerd command line";
                case ENGINE_API -> "the engine API";
            };
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", convert(setting.value()));
            value.put("source", origin);
            settings.put(entry.getKey(), value);
        }
        return settings;
    }

    /**
     * Splits {@code HostConfig.SecurityOpt} entries the way the engine does, at the first {@code =} and else at the
     * first {@code :}; the last entry of a name wins, and a bare {@code no-new-privileges} means {@code true}.
     */
    private static Map<String, Object> securityOptions(List<String> entries) {
        Map<String, Object> options = new ValueMap();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            int separator = equals >= 0 ? equals : entry.indexOf(':');
            if (separator < 0) {
                options.put(entry, entry.equals("no-new-privileges") ? "true" : "");
            } else {
                options.put(entry.substring(0, separator), entry.substring(separator + 1));
            }
        }
        return options;
    }

    /** Converts a snapshot value to the Java types the CEL runtime maps to CEL types. */
    static @Nullable Object convert(@Nullable Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new ValueMap();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object converted = convert(entry.getValue());
                if (converted != null) {
                    result.put(String.valueOf(entry.getKey()), converted);
                }
            }
            return result;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> result = new ValueList(collection.size());
            for (Object element : collection) {
                Object converted = convert(element);
                if (converted != null) {
                    result.add(converted);
                }
            }
            return result;
        }
        if (value.getClass().isRecord()) {
            return convertRecord(value, Set.of());
        }
        return value.toString();
    }

    private static Map<String, Object> convertRecord(Object record, Set<String> skipped) {
        Map<String, Object> result = new ValueMap();
        for (RecordComponent component : COMPONENTS.get(record.getClass())) {
            if (skipped.contains(component.getName())) {
                continue;
            }
            Object converted;
            try {
                converted = convert(component.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Failed to read " + record.getClass().getSimpleName() + "."
                        + component.getName() + " for a rule condition", e);
            }
            if (converted != null) {
                result.put(component.getName(), converted);
            }
        }
        return result;
    }

    /**
     * A converted map that computes its {@link TargetReads#orderedHash} once, because every rule that reads it hashes
     * it again. SnapshotValues finishes changing its maps in its constructor, before any rule reads them.
     */
    static final class ValueMap extends LinkedHashMap<String, Object> {

        private static final long serialVersionUID = 1L;

        private transient int orderedHash;
        private transient boolean hashed;

        int orderedHash() {
            if (!hashed) {
                orderedHash = TargetReads.orderedHashOfEntries(this);
                hashed = true;
            }
            return orderedHash;
        }
    }

    /** A converted list that computes its {@link TargetReads#orderedHash} once, as {@link ValueMap} does. */
    static final class ValueList extends ArrayList<Object> {

        private static final long serialVersionUID = 1L;

        private transient int orderedHash;
        private transient boolean hashed;

        ValueList(int capacity) {
            super(capacity);
        }

        int orderedHash() {
            if (!hashed) {
                orderedHash = TargetReads.orderedHashOfElements(this);
                hashed = true;
            }
            return orderedHash;
        }
    }
}
