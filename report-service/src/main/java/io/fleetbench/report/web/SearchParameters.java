package io.fleetbench.report.web;

import io.fleetbench.model.event.EventCodec;
import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.report.query.FindingSearch.FindingSort;
import io.fleetbench.report.query.FindingSearch.Position;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Parses the parameters of the fleet-wide queries: labels, times, booleans, sort orders and the JSON cursors of
 * searches. Each method raises {@link InvalidParameterException} naming the parameter, its value and the accepted
 * form. Repeated parameters and comma-separated values are both accepted for lists.
 */
final class SearchParameters {

    /** The earliest time a time parameter accepts. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    /** The latest time a time parameter accepts. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final String POSITION_CURSOR_PREFIX = "f:";
    private static final String CONTAINER_CURSOR_PREFIX = "c:";
    private static final String SEQUENCE_CURSOR_PREFIX = "s:";

    private SearchParameters() {
    }

    /** Returns the labels of {@code label=key=value} parameters; an empty map without any. */
    static Map<String, String> labels(@Nullable List<String> values) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String value : split(values)) {
            int separator = value.indexOf('=');
            if (separator <= 0) {
                throw new InvalidParameterException("label", value,
                        "Use key=value, such as label=env=prod, and repeat the parameter for several labels");
            }
            labels.put(value.substring(0, separator), value.substring(separator + 1));
        }
        return labels;
    }

    /** Returns the non-blank values of a list parameter, split at commas and stripped. */
    static List<String> split(@Nullable List<String> values) {
        List<String> items = new ArrayList<>();
        if (values == null) {
            return items;
        }
        for (String value : values) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** Returns the host ids of a list parameter after checking their form. */
    static List<String> hostIds(String parameter, @Nullable List<String> values) {
        List<String> hostIds = split(values);
        for (String hostId : hostIds) {
            if (!HostDescriptor.ID_PATTERN.matcher(hostId).matches()) {
                throw new InvalidParameterException(parameter, hostId,
                        "Use 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
            }
        }
        return hostIds;
    }

    /** Returns an ISO-8601 instant such as {@code 2026-01-05T10:00:00Z}, or {@code null} when absent. */
    static @Nullable Instant instant(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, value,
                    "Use an ISO-8601 UTC time such as 2026-01-05T10:00:00Z");
        }
        // PostgreSQL stores times from 4713 BC to 294276 AD; Java parses far wider years, which the database rejects.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidParameterException(parameter, value,
                    "Use a time from " + EARLIEST + " to " + LATEST + ", such as 2026-01-05T10:00:00Z");
        }
        return instant;
    }

    /** Returns a required ISO-8601 instant. */
    static Instant requiredInstant(String parameter, @Nullable String value) {
        Instant instant = instant(parameter, value);
        if (instant == null) {
            throw new InvalidParameterException(parameter, value == null ? "" : value,
                    "The parameter is required. Use an ISO-8601 UTC time such as 2026-01-05T10:00:00Z");
        }
        return instant;
    }

    /** Returns {@code true} or {@code false}, ignoring case, or {@code null} when absent. */
    static @Nullable Boolean bool(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new InvalidParameterException(parameter, value, "Use true or false");
        };
    }

    /** Returns a non-blank text parameter stripped, or {@code null} when absent or blank. */
    static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Returns the findings order of {@code sort}: {@code host} (default), {@code lastChanged} or {@code -lastChanged}. */
    static FindingSort sort(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return FindingSort.HOST;
        }
        return switch (value.strip()) {
            case "host" -> FindingSort.HOST;
            case "lastChanged" -> FindingSort.LAST_CHANGED;
            case "-lastChanged" -> FindingSort.LAST_CHANGED_DESC;
            default -> throw new InvalidParameterException("sort", value,
                    "Use host, lastChanged (oldest change first) or -lastChanged (newest change first)");
        };
    }

    /** Returns the position that a findings cursor continues after, or {@code null} without a cursor. */
    static @Nullable Position position(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String json = RequestParameters.decodeCursor(cursor, POSITION_CURSOR_PREFIX);
        Position position;
        try {
            position = EventCodec.mapper().readValue(json, Position.class);
        } catch (JacksonException e) {
            throw RequestParameters.invalidCursor(cursor);
        }
        if (position.lastChanged() == null || position.hostId() == null || position.benchmarkVersion() == null
                || position.checkId() == null || position.targetKey() == null) {
            throw RequestParameters.invalidCursor(cursor);
        }
        return position;
    }

    static String encodePosition(Position position) {
        return RequestParameters.encodeCursor(POSITION_CURSOR_PREFIX + EventCodec.mapper().writeValueAsString(position));
    }

    /** Returns the (host id, container name) that a containers cursor continues after, or {@code null}. */
    static @Nullable List<String> containerPosition(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String value = RequestParameters.decodeCursor(cursor, CONTAINER_CURSOR_PREFIX);
        int separator = value.indexOf('/');
        if (separator <= 0) {
            throw RequestParameters.invalidCursor(cursor);
        }
        return List.of(value.substring(0, separator), value.substring(separator + 1));
    }

    static String encodeContainerPosition(String hostId, String containerName) {
        // Host ids never contain '/', so the first one separates the two parts.
        return RequestParameters.encodeCursor(CONTAINER_CURSOR_PREFIX + hostId + "/" + containerName);
    }

    /** Returns the snapshot sequence that a score-trend cursor continues after, or {@code null}. */
    static @Nullable Long sequencePosition(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(RequestParameters.decodeCursor(cursor, SEQUENCE_CURSOR_PREFIX));
        } catch (NumberFormatException e) {
            throw RequestParameters.invalidCursor(cursor);
        }
    }

    static String encodeSequencePosition(long sequence) {
        return RequestParameters.encodeCursor(SEQUENCE_CURSOR_PREFIX + sequence);
    }
}
