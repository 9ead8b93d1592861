package io.fleetbench.collector.hostfacts;

import io.fleetbench.collector.hostfiles.HostPaths;
import io.fleetbench.model.snapshot.FileFacts;
import io.fleetbench.model.snapshot.FileType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads owner, group and mode of host files without following a final symbolic link and without opening them.
 * It uses the JDK's {@code unix} attribute view, which carries the numeric ids and the full {@code st_mode}.
 */
final class FileFactsReader {

    private static final int TYPE_MASK = 0170000;
    private static final int TYPE_SOCKET = 0140000;
    private static final int TYPE_LINK = 0120000;
    private static final int TYPE_FILE = 0100000;
    private static final int TYPE_DIRECTORY = 0040000;
    private static final int PERMISSION_MASK = 07777;

    private final Path hostRoot;
    private final HostAccounts accounts;

    FileFactsReader(Path hostRoot, HostAccounts accounts) {
        this.hostRoot = hostRoot;
        this.accounts = accounts;
    }

    /** Describes the file at {@code hostPath}; a missing file gives {@link FileType#MISSING}, not an exception. */
    FileFacts read(String hostPath, String role) {
        Path file;
        try {
            file = HostPaths.resolveInRoot(hostRoot, hostPath, false);
        } catch (IOException e) {
            return failed(hostPath, role, e);
        }
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(file, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return missing(hostPath, role);
        } catch (IOException | UnsupportedOperationException e) {
            return failed(hostPath, role, e);
        }
        int mode = (Integer) attributes.get("mode");
        long uid = ((Integer) attributes.get("uid")).longValue() & 0xffffffffL;
        long gid = ((Integer) attributes.get("gid")).longValue() & 0xffffffffL;
        FileType type = type(mode);
        String linkTarget = null;
        if (type == FileType.SYMLINK) {
            try {
                linkTarget = Files.readSymbolicLink(file).toString();
            } catch (IOException e) {
                linkTarget = null;
            }
        }
        return new FileFacts(hostPath, role, true, type, uid, accounts.userName(uid), gid, accounts.groupName(gid),
                mode & PERMISSION_MASK, linkTarget, null);
    }

    static FileFacts missing(String hostPath, String role) {
        return new FileFacts(hostPath, role, false, FileType.MISSING, null, null, null, null, null, null, null);
    }

    private static FileFacts failed(String hostPath, String role, Exception e) {
        String error = "attributes could not be read: " + e.getClass().getSimpleName() + " " + e.getMessage();
        return new FileFacts(hostPath, role, false, FileType.MISSING, null, null, null, null, null, null, error);
    }

    static FileType type(int mode) {
        return switch (mode & TYPE_MASK) {
            case TYPE_FILE -> FileType.FILE;
            case TYPE_DIRECTORY -> FileType.DIRECTORY;
            case TYPE_SOCKET -> FileType.SOCKET;
            case TYPE_LINK -> FileType.SYMLINK;
            default -> FileType.OTHER;
        };
    }
}
