package io.fleetbench.report.web;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.finding.Status;
import io.fleetbench.report.ReportProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Parses and validates the query and path parameters of the API. Each method raises
 * {@link InvalidParameterException} naming the parameter, its value and the accepted values.
 *
 * <p>Cursors are opaque to clients. Each is the base64url encoding of a prefix that names the list ({@code h:} for
 * hosts, {@code t:} for history) and the last key of the previous page.
 */
@Component
class RequestParameters {

    private static final String HOST_CURSOR_PREFIX = "h:";
    private static final String TRANSITION_CURSOR_PREFIX = "t:";
    private static final String STATUS_VALUES = "Use PASS, WARN, INFO or NOTE, or several separated by commas";

    private final int defaultPageSize;
    private final int maxPageSize;

    RequestParameters(ReportProperties properties) {
        this.defaultPageSize = properties.defaultPageSize();
        this.maxPageSize = properties.maxPageSize();
    }

    /** Returns the page size from {@code limit}, or the configured default when it is absent. */
    int limit(@Nullable String limit) {
        return limit("limit", limit);
    }

    /** Returns the page size requested in the parameter {@code name}, as {@link #limit(String)} does. */
    int limit(String name, @Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return defaultPageSize;
        }
        String expected = "Use a whole number from 1 to " + maxPageSize;
        int value;
        try {
            value = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, limit, expected);
        }
        if (value < 1 || value > maxPageSize) {
            throw new InvalidParameterException(name, limit, expected);
        }
        return value;
    }

    /** Returns the statuses named by the {@code status} parameters, ignoring case. An empty set means all statuses. */
    Set<Status> statuses(@Nullable List<String> values) {
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            String name = value.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                statuses.add(Status.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("status", value, STATUS_VALUES);
            }
        }
        return statuses;
    }

    /** Returns {@code hostId} after checking it has the form every host id has. */
    String hostId(String hostId) {
        if (!HostDescriptor.ID_PATTERN.matcher(hostId).matches()) {
            throw new InvalidParameterException("hostId", hostId,
                    "Use 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        return hostId;
    }

    /** Returns the host id that the host cursor in parameter {@code parameter} continues after, like the other. */
    @Nullable String hostCursor(String parameter, @Nullable String cursor) {
        try {
            return hostCursor(cursor);
        } catch (InvalidParameterException e) {
            throw invalidCursor(parameter, cursor == null ? "" : cursor);
        }
    }

    /** Returns the host id that a hosts-list cursor continues after, or {@code null} without a cursor. */
    @Nullable String hostCursor(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String hostId = decodeCursor(cursor, HOST_CURSOR_PREFIX);
        if (!HostDescriptor.ID_PATTERN.matcher(hostId).matches()) {
            throw invalidCursor(cursor);
        }
        return hostId;
    }

    /** Returns the transition id that a history cursor continues before, or {@code null} without a cursor. */
    @Nullable Long transitionCursor(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(decodeCursor(cursor, TRANSITION_CURSOR_PREFIX));
        } catch (NumberFormatException e) {
            throw invalidCursor(cursor);
        }
    }

    static String encodeHostCursor(String hostId) {
        return encodeCursor(HOST_CURSOR_PREFIX + hostId);
    }

    static String encodeTransitionCursor(long transitionId) {
        return encodeCursor(TRANSITION_CURSOR_PREFIX + transitionId);
    }

    /** Encodes a cursor value as URL-safe Base64, the form every list of the API hands out. */
    static String encodeCursor(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor and strips its list prefix, rejecting a cursor of another list or one that is not Base64. */
    static String decodeCursor(String cursor, String prefix) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor(cursor);
        }
        if (!decoded.startsWith(prefix)) {
            throw invalidCursor(cursor);
        }
        return decoded.substring(prefix.length());
    }

    static InvalidParameterException invalidCursor(String cursor) {
        return invalidCursor("cursor", cursor);
    }

    static InvalidParameterException invalidCursor(String parameter, String cursor) {
        return new InvalidParameterException(parameter, cursor,
                "Pass the nextCursor (nextHostCursor in the fleet summary) of the previous page unchanged, or omit"
                        + " it for the first page");
    }
}
