package io.fleetbench.model.snapshot;

/** The type of a file on the host. */
public enum FileType {
    FILE,
    DIRECTORY,
    SOCKET,
    SYMLINK,
    /** A device, FIFO or anything else. */
    OTHER,
    /** Nothing exists at the path. */
    MISSING
}
