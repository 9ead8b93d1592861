package io.fleetbench.collector.hostfiles;

import java.nio.file.Path;

/**
 * Resolves host paths under the host root, so that an agent running in a container with the host's {@code /}
 * mounted at, say, {@code /host} reads {@code /host/etc/docker/daemon.json} for {@code /etc/docker/daemon.json}.
 */
public final class HostPaths {

    private HostPaths() {
    }

    /**
     * Returns {@code hostPath} under {@code hostRoot}.
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
}
