package io.fleetbench.rules.core.check;

import io.fleetbench.model.finding.TargetKind;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.ImageFacts;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The subject of one check result.
 *
 * @param kind the kind of target
 * @param key the stable key across runs, such as {@code container:web}; containers are keyed by name because a
 *     redeploy gives them a new id
 * @param id the engine's id of the target (container or image id), or {@code null} for the host and the daemon
 */
public record Target(TargetKind kind, String key, @Nullable String id) {

    private static final Target HOST = new Target(TargetKind.HOST, TargetKind.HOST.key(""), null);
    private static final Target DAEMON = new Target(TargetKind.DAEMON, TargetKind.DAEMON.key(""), null);

    public Target {
        Objects.requireNonNull(kind, "target kind is missing");
        Objects.requireNonNull(key, "target key is missing");
    }

    /** Returns the target for facts about the whole host. */
    public static Target host() {
        return HOST;
    }

    /** Returns the target for the engine's daemon configuration. */
    public static Target daemon() {
        return DAEMON;
    }

    /** Returns the target for one container, keyed by its name. */
    public static Target container(ContainerFacts container) {
        return new Target(TargetKind.CONTAINER, TargetKind.CONTAINER.key(container.name()), container.id());
    }

    /** Returns the target for one image, keyed by its first tag or else its id. */
    public static Target image(ImageFacts image) {
        return new Target(TargetKind.IMAGE, TargetKind.IMAGE.key(image.reference()), image.id());
    }
}
