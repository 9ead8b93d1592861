package io.fleetbench.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON of every event type, and validates what it reads. Unknown fields are ignored, so an
 * additive change keeps the schema version; a newer major version is rejected so that it goes to the dead-letter
 * topic instead of being half understood.
 */
public final class EventCodec {

    /** The largest record accepted, matching the topics' {@code max.message.bytes}. */
    public static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventCodec() {
    }

    /** Returns the shared mapper, configured as this codec writes. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Serialises any event to UTF-8 JSON. */
    public static byte[] encode(Object event) {
        Objects.requireNonNull(event, "event");
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JacksonException e) {
            throw new IllegalStateException("Failed to serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /** Parses and validates a host snapshot. */
    public static HostSnapshotCollected decodeSnapshot(byte[] json) {
        return decode(json, HostSnapshotCollected.class, HostSnapshotCollected.SCHEMA_VERSION);
    }

    /** Parses and validates an audit report. */
    public static HostFindingsEvaluated decodeFindings(byte[] json) {
        return decode(json, HostFindingsEvaluated.class, HostFindingsEvaluated.SCHEMA_VERSION);
    }

    /** Parses and validates a runtime event. */
    public static RuntimeEventObserved decodeRuntimeEvent(byte[] json) {
        return decode(json, RuntimeEventObserved.class, RuntimeEventObserved.SCHEMA_VERSION);
    }

    private static <T> T decode(byte[] json, Class<T> type, int supportedVersion) {
        String typeName = type.getSimpleName();
        if (json == null || json.length == 0) {
            throw new InvalidEventException(typeName + " record is empty");
        }
        if (json.length > MAX_RECORD_BYTES) {
            throw new InvalidEventException(typeName + " record has " + json.length + " bytes, more than the maximum of "
                    + MAX_RECORD_BYTES);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidEventException(typeName + " record is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException(typeName + " record is not a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidEventException(typeName + " record has no integer schemaVersion");
        }
        int schemaVersion = version.asInt();
        if (schemaVersion < 1 || schemaVersion > supportedVersion) {
            throw new InvalidEventException(typeName + " schemaVersion " + schemaVersion
                    + " is not supported: this consumer reads versions 1 to " + supportedVersion
                    + "; upgrade the consumer");
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new InvalidEventException(typeName + " record" + identity(tree) + " is invalid" + field(e) + ": "
                    + rootMessage(e), e);
        }
    }

    /** Returns the record's event and host ids as far as they can be read, for the message of a rejected record. */
    private static String identity(JsonNode tree) {
        JsonNode eventId = tree.get("eventId");
        JsonNode hostId = tree.path("host").get("id");
        StringBuilder identity = new StringBuilder();
        if (eventId != null && eventId.isString()) {
            identity.append(' ').append(HostDescriptor.abbreviate(eventId.asString()));
        }
        if (hostId != null && hostId.isString()) {
            identity.append(" of host ").append(HostDescriptor.abbreviate(hostId.asString()));
        }
        return identity.toString();
    }

    /** Returns where in the record the failure is, such as {@code  at findings[3].status}, or nothing. */
    private static String field(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : " at " + path;
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException jackson) {
            return jackson.getOriginalMessage();
        }
        return cause.getMessage();
    }
}
