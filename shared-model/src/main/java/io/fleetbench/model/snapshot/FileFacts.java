package io.fleetbench.model.snapshot;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Owner, group and mode of one host file the benchmark names. A symbolic link is described itself, not its target.
 *
 * @param path the path as seen on the host
 * @param role why the agent looked at it, such as {@code docker.service}, {@code docker-socket},
 *     {@code tls-ca-certificate} or {@code registry-certificate}
 * @param exists whether anything exists at the path
 * @param type the file type; {@link FileType#MISSING} where nothing exists
 * @param uid the numeric owner id, or {@code null} where the file is missing
 * @param owner the owner's name from the host's {@code /etc/passwd}, or {@code null} where it has no entry
 * @param gid the numeric group id, or {@code null} where the file is missing
 * @param group the group's name from the host's {@code /etc/group}, or {@code null} where it has no entry
 * @param mode the full mode bits including setuid (04000), setgid (02000) and sticky (01000), without the file
 *     type bits, or {@code null} where the file is missing
 * @param linkTarget the target of a symbolic link as stored in the link, or {@code null}
 * @param error why the file's attributes could not be read, or {@code null}
 */
public record FileFacts(
        String path,
        String role,
        boolean exists,
        FileType type,
        @Nullable Long uid,
        @Nullable String owner,
        @Nullable Long gid,
        @Nullable String group,
        @Nullable Integer mode,
        @Nullable String linkTarget,
        @Nullable String error) {

    public FileFacts {
        Objects.requireNonNull(path, "file path is missing");
        role = role == null ? "" : role;
        type = type == null ? FileType.MISSING : type;
    }

    /** Returns the mode as four octal digits, such as {@code 0644}, or {@code null} where the file is missing. */
    public @Nullable String octalMode() {
        return mode == null ? null : String.format("%04o", mode);
    }
}
