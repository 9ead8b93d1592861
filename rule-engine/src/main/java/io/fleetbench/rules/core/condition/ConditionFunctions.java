package io.fleetbench.rules.core.condition;

import io.fleetbench.rules.core.check.BooleanValues;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The Java functions that conditions call where CEL has no equivalent: permission bits, host paths, audit rules and
 * the engine's boolean spellings.
 */
final class ConditionFunctions {

    private ConditionFunctions() {
    }

    /**
     * Returns whether {@code mode} sets no permission bit outside {@code limit}. Modes compare as bits, not numbers:
     * 0606 is below 0644 as a number but lets others write.
     */
    static boolean modeWithin(long mode, long limit) {
        return (mode & 07777 & ~limit) == 0;
    }

    /** Formats a file mode as four octal digits, such as {@code 0644}. */
    static String octal(long mode) {
        return String.format("%04o", mode & 07777);
    }

    /**
     * Returns whether {@code path} is {@code folder} or lies below it, after removing repeated and trailing slashes
     * and treating {@code /var/run} as {@code /run}, which most distributions link to it.
     */
    static boolean pathWithin(String path, String folder) {
        String normalizedPath = canonical(normalize(path));
        String normalizedFolder = canonical(normalize(folder));
        if (normalizedPath.isEmpty() || normalizedFolder.isEmpty()) {
            return false;
        }
        if (normalizedFolder.equals("/")) {
            return normalizedPath.startsWith("/");
        }
        return normalizedPath.startsWith(normalizedFolder) && (normalizedPath.length() == normalizedFolder.length()
                || normalizedPath.charAt(normalizedFolder.length()) == '/');
    }

    /**
     * Returns whether {@code path} lies within one of {@code folders} as {@link #pathWithin} decides, except that the
     * folder {@code /} matches only the root itself. A list of sensitive host folders names {@code /} to catch a
     * mount of the whole file system, not of every absolute path. One call replaces a CEL {@code exists} over the
     * list, which the interpreter runs many times slower.
     *
     * @throws IllegalArgumentException if an element of {@code folders} is not a string
     */
    static boolean pathWithinAny(String path, List<?> folders) {
        for (Object folder : folders) {
            if (!(folder instanceof String name)) {
                throw new IllegalArgumentException("pathWithinAny: folder " + folder + " is not a string; list"
                        + " folders as strings such as '/etc'");
            }
            boolean within = name.equals("/") ? normalize(path).equals("/") : pathWithin(path, name);
            if (within) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves {@code .} and {@code ..} segments and removes repeated and trailing slashes; returns an empty string
     * for a path that is not absolute.
     */
    static String normalize(String path) {
        if (isNormal(path)) {
            return path;
        }
        String trimmed = path.trim();
        if (!trimmed.startsWith("/")) {
            return "";
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : trimmed.split("/")) {
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

    /**
     * Returns whether {@link #normalize} would return {@code path} unchanged: it starts with a slash, does not end in
     * whitespace or a slash (unless it is {@code /}), and has no empty, {@code .} or {@code ..} segment. Rules call
     * normalize for every mount and path, and most paths are already normal, so this skips the split and join.
     */
    private static boolean isNormal(String path) {
        int length = path.length();
        if (length == 0 || path.charAt(0) != '/') {
            return false;
        }
        if (length == 1) {
            return true;
        }
        char last = path.charAt(length - 1);
        if (last == '/' || last <= ' ') {
            return false;
        }
        int segmentStart = 1;
        for (int i = 1; i <= length; i++) {
            if (i < length && path.charAt(i) != '/') {
                continue;
            }
            int segmentLength = i - segmentStart;
            if (segmentLength == 0) {
                return false;
            }
            boolean dots = segmentLength <= 2 && path.charAt(segmentStart) == '.'
                    && (segmentLength == 1 || path.charAt(segmentStart + 1) == '.');
            if (dots) {
                return false;
            }
            segmentStart = i + 1;
        }
        return true;
    }

    private static String canonical(String path) {
        if (path.equals("/var/run")) {
            return "/run";
        }
        return path.startsWith("/var/run/") ? path.substring("/var".length()) : path;
    }

    /**
     * Returns whether one of the loaded audit rules records access to {@code path}. A rule is either a line as
     * {@code auditctl -l} lists it (a watch {@code -w PATH}, or a syscall rule with {@code -F path=PATH} or
     * {@code -F dir=FOLDER} and the {@code always} action), or a watch of the host facts: a map whose {@code path}
     * is the watched file or folder. A watch on a folder covers the files below it. A {@code never} rule excludes
     * instead of auditing, so it never counts.
     */
    static boolean auditWatched(List<?> rules, String path) {
        String expectedPath = canonical(normalize(path));
        for (Object entry : rules) {
            if (entry instanceof String rule && ruleCovers(rule.trim(), expectedPath)) {
                return true;
            }
            if (entry instanceof Map<?, ?> watch && watch.get("path") instanceof String watched
                    && pathWithin(expectedPath, watched)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ruleCovers(String rule, String expectedPath) {
        String[] words = rule.split("\\s+");
        boolean never = false;
        for (int i = 0; i < words.length - 1; i++) {
            if ((words[i].equals("-a") || words[i].equals("-A")) && words[i + 1].contains("never")) {
                never = true;
            }
        }
        if (never) {
            return false;
        }
        for (int i = 0; i < words.length - 1; i++) {
            String word = words[i];
            String next = words[i + 1];
            if (word.equals("-w") && canonical(normalize(next)).equals(expectedPath)) {
                return true;
            }
            if (word.equals("-F") && next.startsWith("path=")
                    && canonical(normalize(next.substring("path=".length()))).equals(expectedPath)) {
                return true;
            }
            if (word.equals("-F") && next.startsWith("dir=")
                    && pathWithin(expectedPath, next.substring("dir=".length()))) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether {@code value} is true in JSON or in one of the engine's boolean spellings. */
    static boolean isTrue(Object value) {
        return BooleanValues.parse(value).orElse(false);
    }

    /** Returns whether {@code value} is false in JSON or in one of the engine's boolean spellings. */
    static boolean isFalse(Object value) {
        return !BooleanValues.parse(value).orElse(true);
    }

    /**
     * Returns the repository name of an image reference without registry, path, tag or digest, in lower case:
     * {@code registry.example:5000/team/postgres:16@sha256:...} gives {@code postgres}.
     */
    static String imageName(String reference) {
        String name = reference;
        int at = name.indexOf('@');
        if (at >= 0) {
            name = name.substring(0, at);
        }
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            name = name.substring(0, colon);
        }
        return name.substring(name.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses a host port such as {@code 8080}; returns -1 for an empty value or a range such as {@code 8000-8010}. */
    static long portNumber(String port) {
        String trimmed = port.trim();
        if (trimmed.isEmpty() || trimmed.length() > 5 || !trimmed.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(trimmed);
    }

    /** Returns a verdict as conditions return it: a map with the keys {@code verdict} and {@code reason}. */
    static Map<String, String> verdict(String status, String reason) {
        return Map.of("verdict", status, "reason", reason);
    }
}
