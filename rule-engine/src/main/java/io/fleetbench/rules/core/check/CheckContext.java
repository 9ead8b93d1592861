package io.fleetbench.rules.core.check;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.EngineInfo;
import io.fleetbench.model.snapshot.ImageFacts;
import io.fleetbench.model.snapshot.NetworkFacts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The snapshot a check evaluates, with look-ups that several checks share. */
public final class CheckContext {

    private final HostSnapshotCollected snapshot;
    private final Map<String, ImageFacts> imagesById = new HashMap<>();
    private final Map<String, ImageFacts> imagesByTag = new HashMap<>();
    private final Map<Class<?>, Object> derivedValues = new HashMap<>();
    private final @Nullable Target[] containerTargets;
    private final @Nullable Target[] imageTargets;

    public CheckContext(HostSnapshotCollected snapshot) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        for (ImageFacts image : snapshot.images()) {
            imagesById.putIfAbsent(image.id(), image);
            for (String tag : image.repoTags()) {
                imagesByTag.putIfAbsent(tag, image);
            }
        }
        containerTargets = new Target[snapshot.containers().size()];
        imageTargets = new Target[snapshot.images().size()];
    }

    public HostSnapshotCollected snapshot() {
        return snapshot;
    }

    public EngineInfo engine() {
        return snapshot.engine();
    }

    public DaemonConfig daemon() {
        return snapshot.daemon();
    }

    public List<ContainerFacts> containers() {
        return snapshot.containers();
    }

    public List<ImageFacts> images() {
        return snapshot.images();
    }

    public List<NetworkFacts> networks() {
        return snapshot.networks();
    }

    /**
     * Returns the target of the container at {@code index} in {@link #containers()}. Every container check reports
     * on every container, so the target and its key are built once per snapshot.
     */
    public Target containerTarget(int index) {
        Target target = containerTargets[index];
        if (target == null) {
            target = Target.container(snapshot.containers().get(index));
            containerTargets[index] = target;
        }
        return target;
    }

    /** Returns the target of the image at {@code index} in {@link #images()}, built once per snapshot. */
    public Target imageTarget(int index) {
        Target target = imageTargets[index];
        if (target == null) {
            target = Target.image(snapshot.images().get(index));
            imageTargets[index] = target;
        }
        return target;
    }

    /**
     * Returns the value of {@code type} derived from this snapshot, computing it once per context, so that every
     * check of one evaluation shares it.
     */
    public <T> T derived(Class<T> type, Function<HostSnapshotCollected, T> factory) {
        return type.cast(derivedValues.computeIfAbsent(type, ignored -> factory.apply(snapshot)));
    }

    /** Returns the daemon setting named {@code key} (a daemon.json key), or {@code null} where it is not set. */
    public @Nullable DaemonSetting daemonSetting(String key) {
        return snapshot.daemon().setting(key);
    }

    /**
     * Describes where a daemon setting came from, for a finding's reason: the daemon.json path the agent read (or
     * {@code daemon.json} where the path is unknown), {@code the dockerd command line} or {@code the engine API}.
     */
    public String describeSource(DaemonSetting setting) {
        return switch (setting.source()) {
            case DAEMON_JSON -> {
                String file = snapshot.daemon().configFile();
                yield file == null ? "daemon.json" : file;
            }
            case COMMAND_LINE -> "the dockerd command line";
            case ENGINE_API -> "the engine API";
        };
    }

    /**
     * Finds the image a container was created from: by image id first, then by the reference the container names.
     * The image may be missing from the snapshot when it was removed after the container was created.
     */
    public Optional<ImageFacts> imageOf(ContainerFacts container) {
        String imageId = container.imageId();
        if (imageId != null && imagesById.containsKey(imageId)) {
            return Optional.of(imagesById.get(imageId));
        }
        return Optional.ofNullable(imagesByTag.get(container.image()));
    }
}
