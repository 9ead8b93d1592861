package io.fleetbench.rules.core.check.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/** Compares host paths of mounts as strings, without touching any file system. */
final class HostPaths {

    private HostPaths() {
    }

    /**
     * Normalises an absolute path: collapses repeated slashes, drops {@code .} segments, resolves {@code ..}
     * segments and removes a trailing slash. Returns {@code null} for a blank or relative path, such as a volume name.
     */
    static @Nullable String normalize(@Nullable String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    /** Returns whether normalised {@code path} is {@code folder} or lies below it. */
    static boolean isSameOrBelow(String path, String folder) {
        if (folder.equals("/")) {
            return true;
        }
        return path.equals(folder) || path.startsWith(folder + "/");
    }
}
