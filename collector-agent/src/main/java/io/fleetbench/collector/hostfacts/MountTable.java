package io.fleetbench.collector.hostfacts;

import io.fleetbench.model.snapshot.MountEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Parses the kernel's mount tables and finds the mount that contains a path. */
final class MountTable {

    private MountTable() {
    }

    /**
     * Parses {@code /proc/<pid>/mountinfo}: {@code id parent major:minor root mount-point options [optional...] -
     * type source super-options}. Lines that do not have this shape are skipped.
     */
    static List<MountEntry> parseMountInfo(String content) {
        List<MountEntry> mounts = new ArrayList<>();
        for (String line : content.split("\n")) {
            String[] fields = line.trim().split(" ");
            int separator = Arrays.asList(fields).indexOf("-");
            if (separator < 6 || fields.length < separator + 3) {
                continue;
            }
            // The per-mount options come first; the super block options, such as errors=remount-ro, follow.
            List<String> options = new ArrayList<>(List.of(fields[5].split(",")));
            if (fields.length > separator + 3) {
                for (String option : fields[separator + 3].split(",")) {
                    if (!options.contains(option)) {
                        options.add(option);
                    }
                }
            }
            mounts.add(new MountEntry(unescape(fields[4]), unescape(fields[separator + 2]), fields[separator + 1],
                    options));
        }
        return mounts;
    }

    /** Parses {@code /proc/mounts}: {@code source mount-point type options dump pass}. */
    static List<MountEntry> parseMounts(String content) {
        List<MountEntry> mounts = new ArrayList<>();
        for (String line : content.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 4) {
                continue;
            }
            mounts.add(new MountEntry(unescape(fields[1]), unescape(fields[0]), fields[2],
                    List.of(fields[3].split(","))));
        }
        return mounts;
    }

    /**
     * Returns the mount point of the file system that contains {@code path}: the longest mount point that equals it or
     * is one of its parent folders. Where one point is mounted several times, the last mount wins, as in the kernel.
     */
    static @Nullable String mountPointOf(List<MountEntry> mounts, String path) {
        String best = null;
        for (MountEntry mount : mounts) {
            String point = mount.mountPoint();
            boolean contains = point.equals("/") || path.equals(point) || path.startsWith(point + "/");
            if (contains && (best == null || point.length() >= best.length())) {
                best = point;
            }
        }
        return best;
    }

    /** Decodes the octal escapes the kernel writes for space, tab, newline and backslash, such as {@code \040}. */
    static String unescape(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static boolean isOctal(String field, int start) {
        if (start + 3 > field.length()) {
            return false;
        }
        for (int i = start; i < start + 3; i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
