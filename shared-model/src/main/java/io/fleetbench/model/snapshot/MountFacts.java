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
 */
public record MountFacts(
        String type, @Nullable String source, String destination, boolean readWrite, @Nullable String propagation) {
}
