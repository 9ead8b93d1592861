package io.fleetbench.collector.hostfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a host path to the path it leads to on the host, following symbolic links one component at a time, as the
 * kernel does for a bind mount's source. The host's file system is read under the host root, so an absolute link
 * target such as {@code /etc} means {@code <hostRoot>/etc}, never the agent's own {@code /etc}, and {@code ..} at the
 * root stays at the root. No lookup therefore leaves the host root.
 *
 * <p>The outcome distinguishes a real path from a missing one, a dangling link, a link loop and an unreadable folder,
 * because each means something different to the caller.
 */
public final class HostPathResolver {

    /** The maximum number of symbolic links followed for one path, as in Linux's own path lookup (40). */
    public static final int MAX_LINKS = HostPaths.MAX_LINKS;

    private final Path root;

    /**
     * @param hostRoot the folder where the host's root folder is mounted for the agent, {@code /} when it runs on
     *     the host
     */
    public HostPathResolver(Path hostRoot) {
        this.root = hostRoot.toAbsolutePath().normalize();
    }

    /**
     * Resolves {@code hostPath}, following every symbolic link in it, the last component included.
     *
     * @throws IllegalArgumentException where {@code hostPath} is relative or leaves the host root through {@code ..}
     */
    public Resolution resolve(String hostPath) {
        return resolve(hostPath, true);
    }

    /**
     * Resolves {@code hostPath}, following the last component only where {@code followLast} is set, so that a caller
     * can describe a link itself.
     *
     * @throws IllegalArgumentException where {@code hostPath} is relative or leaves the host root through {@code ..}
     */
    public Resolution resolve(String hostPath, boolean followLast) {
        HostPaths.resolve(root, hostPath);
        // The queue contains the components still to walk. A LinkEnd marker follows the components of each link target,
        // so that a component missing before the marker shows that this link's target does not exist.
        Deque<Object> pending = new ArrayDeque<>();
        pushComponents(pending, hostPath);
        Path current = root;
        int links = 0;
        while (!pending.isEmpty()) {
            Object item = pending.removeFirst();
            if (item instanceof LinkEnd) {
                continue;
            }
            String part = (String) item;
            if (part.equals("..")) {
                current = current.equals(root) ? root : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(next, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return missing(next, pending);
            } catch (IOException e) {
                return new Resolution.Unreadable(hostPath(next), e);
            }
            boolean last = !hasMoreComponents(pending);
            if (attributes.isSymbolicLink() && (!last || followLast)) {
                if (++links > MAX_LINKS) {
                    return new Resolution.LinkLoop(hostPath(next));
                }
                String target;
                try {
                    target = Files.readSymbolicLink(next).toString();
                } catch (IOException e) {
                    return new Resolution.Unreadable(hostPath(next), e);
                }
                if (target.startsWith("/")) {
                    current = root;
                }
                pending.addFirst(new LinkEnd(hostPath(next), target));
                pushComponents(pending, target);
                continue;
            }
            if (!last && !attributes.isDirectory()) {
                return new Resolution.Unreadable(hostPath(next), new NotDirectoryException(next.toString()));
            }
            current = next;
        }
        return new Resolution.Found(current, hostPath(current));
    }

    /**
     * Completes the path below the missing {@code file} without touching the file system, because nothing below a
     * missing folder can be a link. The first marker left in {@code pending} names the link whose target is missing.
     */
    private Resolution missing(Path file, Deque<Object> pending) {
        Path path = file;
        LinkEnd dangling = null;
        for (Object item : pending) {
            if (item instanceof LinkEnd end) {
                if (dangling == null) {
                    dangling = end;
                }
            } else if (item.equals("..")) {
                path = path.equals(root) ? root : path.getParent();
            } else {
                path = path.resolve((String) item);
            }
        }
        if (dangling == null) {
            return new Resolution.NotFound(path, hostPath(path));
        }
        return new Resolution.DanglingLink(path, hostPath(path), dangling.link(), dangling.target());
    }

    private String hostPath(Path file) {
        return HostPaths.toHostPath(root, file);
    }

    /** Puts the components of {@code path} at the front of {@code pending}, in order, skipping empty and dot parts. */
    private static void pushComponents(Deque<Object> pending, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                pending.addFirst(parts[i]);
            }
        }
    }

    private static boolean hasMoreComponents(Deque<Object> pending) {
        for (Object item : pending) {
            if (item instanceof String) {
                return true;
            }
        }
        return false;
    }

    /** The end of a link target's components in the queue, with the link's host path and its target as written. */
    private record LinkEnd(String link, String target) {
    }

    /** The outcome of resolving one host path. */
    public sealed interface Resolution {

        /**
         * Returns the host path the lookup led to, or {@code null} where it stopped at a link loop or an unreadable
         * folder.
         */
        @Nullable String hostPath();

        /** Every component exists and every link was followed. {@code file} is the path under the host root. */
        record Found(Path file, String hostPath) implements Resolution {
        }

        /** A component that is not a link does not exist. {@code hostPath} is where the path would lead. */
        record NotFound(Path file, String hostPath) implements Resolution {
        }

        /**
         * The target of the symbolic link {@code link} does not exist. {@code hostPath} is where the path would lead
         * once it exists, which is what a bind mount would use then.
         *
         * @param target the link's target as written in the link
         */
        record DanglingLink(Path file, String hostPath, String link, String target) implements Resolution {
        }

        /**
         * More than {@value HostPathResolver#MAX_LINKS} links were followed, which means a loop such as {@code a -> b}
         * and {@code b -> a}. {@code link} is the link at which the lookup stopped.
         */
        record LinkLoop(String link) implements Resolution {

            @Override
            public @Nullable String hostPath() {
                return null;
            }
        }

        /**
         * The file system refused the lookup at {@code path}, for example without search permission on a folder, or
         * because {@code path} is not a folder but the lookup continues below it.
         */
        record Unreadable(String path, IOException error) implements Resolution {

            @Override
            public @Nullable String hostPath() {
                return null;
            }
        }
    }
}
