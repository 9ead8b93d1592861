package io.fleetbench.collector.engine;

import com.github.dockerjava.api.model.DockerObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads fields that docker-java 3.7 does not map, from the raw JSON values its object mapper keeps on each
 * response ({@link DockerObject#getRawValues()}), such as a container's {@code AppArmorProfile} or a mount's
 * {@code Type}. Objects built in code have no raw values, so every reader returns {@code null} for them.
 */
final class RawValues {

    private RawValues() {
    }

    /** Returns the value at the path of JSON object keys, or {@code null} where any step is missing. */
    static @Nullable Object at(DockerObject object, String... path) {
        Object current = object.getRawValues();
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    static @Nullable String string(DockerObject object, String... path) {
        return at(object, path) instanceof String value ? value : null;
    }

    static @Nullable Boolean bool(DockerObject object, String... path) {
        return at(object, path) instanceof Boolean value ? value : null;
    }

    /** Returns the JSON array at the path as a list of JSON objects, skipping other elements. */
    static List<Map<?, ?>> objects(DockerObject object, String... path) {
        if (!(at(object, path) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .filter(Map.class::isInstance)
                .<Map<?, ?>>map(Map.class::cast)
                .toList();
    }

    static @Nullable String string(Map<?, ?> map, String key) {
        return map.get(key) instanceof String value ? value : null;
    }

    static @Nullable Boolean bool(Map<?, ?> map, String key) {
        return map.get(key) instanceof Boolean value ? value : null;
    }

    /**
     * Parses an Engine API timestamp such as {@code 2026-12-04T20:32:48.732729954Z}. Returns {@code null} for a
     * missing or unparsable value and for the engine's "never" value {@code 0001-01-01T00:00:00Z}.
     */
    static @Nullable Instant timestamp(@Nullable String value) {
        if (value == null || value.isBlank() || value.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
