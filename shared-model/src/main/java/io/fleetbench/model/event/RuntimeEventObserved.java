package io.fleetbench.model.event;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One security-relevant event that an engine reported, such as a container start or an exec into a container. It
 * carries names and flags only: an exec's arguments and environment never leave the agent, because they may
 * contain secrets.
 *
 * @param schemaVersion major version of this record's JSON shape
 * @param eventId unique id of this event, so a consumer can drop a redelivered copy
 * @param occurredAt when the engine reported the event
 * @param host the engine's identity
 * @param action the engine's action, such as {@code start}, {@code exec_start} or {@code reload}
 * @param targetKind the engine's object type: {@code container}, {@code image}, {@code network} or {@code daemon}
 * @param targetName the object's name (container name, image reference, network name), or its id where it has none
 * @param targetId the object's id as the engine reports it, or {@code null} where the event names none
 * @param privileged for an exec, whether it ran privileged; {@code null} for other events or where the exec was
 *     gone before the agent inspected it
 * @param user for an exec, the user it ran as (empty means the container's user); {@code null} for other events
 * @param command for an exec, the name of the program it ran, without arguments; {@code null} for other events
 */
public record RuntimeEventObserved(
        int schemaVersion,
        String eventId,
        Instant occurredAt,
        HostDescriptor host,
        String action,
        String targetKind,
        String targetName,
        @Nullable String targetId,
        @Nullable Boolean privileged,
        @Nullable String user,
        @Nullable String command) {

    /** Schema version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public RuntimeEventObserved {
        Objects.requireNonNull(eventId, "eventId is missing");
        Objects.requireNonNull(occurredAt, "occurredAt is missing");
        Objects.requireNonNull(host, "host is missing");
        Objects.requireNonNull(action, "action is missing");
        Objects.requireNonNull(targetKind, "targetKind is missing");
        if (targetName == null) {
            targetName = targetId == null ? "" : targetId;
        }
    }

    /** Returns the host id, the Kafka key of this record. */
    public String hostId() {
        return host.id();
    }
}
