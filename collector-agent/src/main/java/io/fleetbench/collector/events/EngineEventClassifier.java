package io.fleetbench.collector.events;

import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventActor;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides which engine events change a snapshot and reduces them to {@link ObservedEngineEvent}. The actions are
 * those of Docker Engine API 1.41 ({@code GET /events}); others, such as {@code kill}, {@code attach} or
 * {@code exec_die}, change nothing a check reads, and the die, rename or destroy that follows is enough.
 */
public final class EngineEventClassifier {

    /** Relevant actions by object type. */
    static final Map<String, Set<String>> RELEVANT_ACTIONS = Map.of(
            "container", Set.of("create", "start", "die", "destroy", "update", "rename", "exec_create", "exec_start"),
            "network", Set.of("connect", "disconnect", "create", "destroy"),
            "image", Set.of("pull", "tag", "untag", "delete", "import", "load"),
            "daemon", Set.of("reload"));

    /** The engine's event type filters that cover {@link #RELEVANT_ACTIONS}. */
    static final String[] TYPE_FILTERS = {"container", "network", "image", "daemon"};

    private EngineEventClassifier() {
    }

    /** Returns the reduced event, or empty where the event changes nothing a snapshot contains. */
    public static Optional<ObservedEngineEvent> classify(Event event) {
        String kind = event.getType() == null ? null : event.getType().getValue();
        String rawAction = event.getAction() != null ? event.getAction() : event.getStatus();
        if (kind == null || rawAction == null) {
            return Optional.empty();
        }
        // Exec actions carry the command line after a colon ("exec_start: /bin/sh -c ..."); it is cut off here.
        int colon = rawAction.indexOf(':');
        String action = colon < 0 ? rawAction : rawAction.substring(0, colon);
        if (!RELEVANT_ACTIONS.getOrDefault(kind, Set.of()).contains(action)) {
            return Optional.empty();
        }
        EventActor actor = event.getActor();
        String actorId = actor == null ? event.getId() : actor.getId();
        Map<String, String> attributes = actor == null || actor.getAttributes() == null ? Map.of()
                : actor.getAttributes();
        String name = targetName(kind, actorId, attributes);
        String execId = action.startsWith("exec_") ? attributes.get("execID") : null;
        String commandDigest = action.startsWith("exec_") && colon >= 0
                ? HealthCheckExecs.digest(rawAction.substring(colon + 1))
                : null;
        return Optional.of(new ObservedEngineEvent(kind, action, name, actorId, execId, occurredAt(event),
                commandDigest));
    }

    private static String targetName(String kind, @Nullable String actorId, Map<String, String> attributes) {
        String name = attributes.get("name");
        if (name != null && !name.isBlank() && !"image".equals(kind)) {
            return name;
        }
        // An image event's actor id is the reference it acted on (local/busybox:1) or the image id.
        if (actorId != null && !actorId.isBlank()) {
            return actorId;
        }
        return name == null ? "" : name;
    }

    private static Instant occurredAt(Event event) {
        if (event.getTimeNano() != null) {
            long nanos = event.getTimeNano();
            return Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
        }
        if (event.getTime() != null) {
            return Instant.ofEpochSecond(event.getTime());
        }
        return Instant.now();
    }
}
