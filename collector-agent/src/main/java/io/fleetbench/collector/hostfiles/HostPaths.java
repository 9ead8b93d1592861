package io.fleetbench.collector.hostfiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Resolves host paths under the host root, so that an agent running in a container with the host's {@code /}
 * mounted at, say, {@code /host} reads {@code /host/etc/docker/daemon.json} for {@code /etc/docker/daemon.json}.
 *
 * <p>Symbolic links on the host hold host paths: {@code /var/run} usually links to {@code /run}, which under a host
 * root of {@code /host} means {@code /host/run}, not the agent's own {@code /run}. {@link #resolveInRoot} therefore
 * follows every link itself and re-roots absolute targets, so that no link leads out of the host root.
 */
public final class HostPaths {

    /** The maximum number of links followed for one path, as Linux's own limit for path lookup (40). */
    static final int MAX_LINKS = 40;

    private HostPaths() {
    }

    /**
     * Returns {@code hostPath} under {@code hostRoot}, without following symbolic links.
     *
     * @param hostRoot the folder in which the agent sees the host's root folder, {@code /} when it runs on the host
     * @param hostPath an absolute path as seen on the host
     * @throws IllegalArgumentException where the path is relative or leaves the host root through {@code ..}
     */
    public static Path resolve(Path hostRoot, String hostPath) {
        if (!hostPath.startsWith("/")) {
            throw new IllegalArgumentException("Host path '" + hostPath + "' is relative: give an absolute path as seen"
                    + " on the host, such as /etc/docker/daemon.json");
        }
        Path root = hostRoot.toAbsolutePath().normalize();
        Path resolved = root.resolve(hostPath.substring(1)).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("Host path '" + hostPath + "' leaves the host root " + root
                    + ": remove the '..' parts");
        }
        return resolved;
    }

    /**
     * Returns {@code hostPath} under {@code hostRoot} with symbolic links followed inside the root: an absolute link
     * target is taken as a host path, and {@code ..} never climbs above the root. The last component is followed
     * only where {@code followLast} is set, so a caller can describe a link itself.
     *
     * @throws IllegalArgumentException where the path is relative or leaves the host root through {@code ..}
     * @throws IOException where more than {@value #MAX_LINKS} links are followed, or a link or a folder on the way
     *     cannot be read. {@link HostPathResolver} returns these cases as distinct outcomes instead
     */
    public static Path resolveInRoot(Path hostRoot, String hostPath, boolean followLast) throws IOException {
        HostPathResolver.Resolution resolution = new HostPathResolver(hostRoot).resolve(hostPath, followLast);
        if (resolution instanceof HostPathResolver.Resolution.Found found) {
            return found.file();
        }
        if (resolution instanceof HostPathResolver.Resolution.NotFound notFound) {
            return notFound.file();
        }
        if (resolution instanceof HostPathResolver.Resolution.DanglingLink dangling) {
            return dangling.file();
        }
        if (resolution instanceof HostPathResolver.Resolution.Unreadable unreadable) {
            throw unreadable.error();
        }
        throw new IOException("more than " + MAX_LINKS + " symbolic links in host path " + hostPath);
    }

    /** Returns {@code file}'s path as seen on the host, for a path under {@code hostRoot}. */
    public static String toHostPath(Path hostRoot, Path file) {
        Path root = hostRoot.toAbsolutePath().normalize();
        Path relative = root.relativize(file.toAbsolutePath().normalize());
        return "/" + relative.toString().replace('\\', '/');
    }
}
