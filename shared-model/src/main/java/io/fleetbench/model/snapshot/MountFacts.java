package io.fleetbench.model.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * One mount of a container.
 *
 * @param type {@code bind}, {@code volume}, {@code tmpfs} or {@code npipe}
 * @param source the host path of a bind mount or the volume's path, or {@code null}
 * @param destination the path inside the container
 * @param readWrite whether the container can write through the mount
 * @param propagation the bind propagation mode, such as {@code rprivate} or {@code shared}
 * @param resolvedSource the host path that a bind's {@code source} leads to once the agent has followed every symbolic
 *     link in it, or {@code null} where that path equals {@code source}, the agent could not resolve it, or an older
 *     agent sent the snapshot
 */
public record MountFacts(
        String type,
        @Nullable String source,
        String destination,
        boolean readWrite,
        @Nullable String propagation,
        @Nullable String resolvedSource) {

    /** Creates a mount without a resolved source, as the engine reports it. */
    public MountFacts(
            String type, @Nullable String source, String destination, boolean readWrite, @Nullable String propagation) {
        this(type, source, destination, readWrite, propagation, null);
    }

    /** Returns this mount with {@code path} as its resolved source. */
    public MountFacts withResolvedSource(@Nullable String path) {
        return new MountFacts(type, source, destination, readWrite, propagation, path);
    }
}
