package io.fleetbench.collector.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One engine event that changes what a snapshot contains, reduced to the fields the agent may keep. It contains none
 * of the event's other attributes, because the engine copies container labels into them and labels may contain
 * secrets. It also drops the text after an exec action's colon, which is the exec's command line, and keeps only
 * that text's digest.
 *
 * @param kind the engine's object type: {@code container}, {@code image}, {@code network} or {@code daemon}
 * @param action the action without any exec command line, such as {@code start} or {@code exec_start}
 * @param targetName the object's name, or its id where the event names none
 * @param targetId the object's id, or {@code null} where the event has none
 * @param execId for {@code exec_create} and {@code exec_start}, the exec's id; {@code null} otherwise
 * @param occurredAt when the engine reported the event
 * @param execCommandDigest for an exec, the SHA-256 of its command line in hex, which identifies a health check's
 *     probe without keeping the command. {@code null} for other events
 */
public record ObservedEngineEvent(
        String kind,
        String action,
        String targetName,
        @Nullable String targetId,
        @Nullable String execId,
        Instant occurredAt,
        @Nullable String execCommandDigest) {

    /** Creates an event without a command digest. */
    public ObservedEngineEvent(String kind, String action, String targetName, @Nullable String targetId,
            @Nullable String execId, Instant occurredAt) {
        this(kind, action, targetName, targetId, execId, occurredAt, null);
    }

    /** Returns the snapshot trigger for this event: {@code event:<kind>:<action>:<name>}. */
    public String trigger() {
        return "event:" + kind + ":" + action + ":" + targetName;
    }

    /** Returns whether this event is an exec into a container. */
    public boolean isExec() {
        return action.startsWith("exec_");
    }
}
