package io.fleetbench.model.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the host's mount table.
 *
 * @param mountPoint where the file system is mounted, as seen on the host
 * @param source the mounted device or pseudo file system, such as {@code /dev/sda2} or {@code tmpfs}
 * @param fileSystemType the file system type, such as {@code ext4}
 * @param options the mount options, such as {@code rw} and {@code nodev}
 */
public record MountEntry(String mountPoint, String source, String fileSystemType, List<String> options) {

    public MountEntry {
        Objects.requireNonNull(mountPoint, "mount point is missing");
        source = source == null ? "" : source;
        fileSystemType = fileSystemType == null ? "" : fileSystemType;
        options = options == null ? List.of() : List.copyOf(options);
    }
}
