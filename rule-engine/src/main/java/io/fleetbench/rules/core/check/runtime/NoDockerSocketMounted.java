package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * No container mounts the Docker socket, which gives full control of the engine and so of the host. A read-only
 * bind still counts, because read-only only stops writes to the socket file, not API calls through it. A bind of a
 * folder that contains the socket, such as {@code /run} or {@code /var/run}, counts too, and so does any mounted
 * file named {@code docker.sock}. Each mount is judged by its source and, where the agent followed symbolic links in
 * it, by its resolved source as well.
 */
public final class NoDockerSocketMounted extends ContainerCheck {

    /** The socket paths dockerd listens on by default. Most distributions link {@code /var/run} to {@code /run}. */
    static final List<String> DEFAULT_SOCKETS = List.of("/var/run/docker.sock", "/run/docker.sock");

    private static final String SOCKET_FILE_NAME = "docker.sock";

    @Override
    public String key() {
        return "no-docker-socket-mounted";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        Set<String> sockets = socketPaths(context);
        List<String> offending = new ArrayList<>();
        for (MountFacts mount : container.mounts()) {
            String offence = describeExposure(mount, sockets);
            if (offence != null) {
                offending.add(offence);
            }
        }
        if (container.mounts().isEmpty()) {
            return Assessment.pass("the container has no mounts");
        }
        if (offending.isEmpty()) {
            return Assessment.pass("no mount exposes a Docker socket (" + container.mounts().size()
                    + " checked in Mounts)");
        }
        return Assessment.warn("Docker socket mounted: " + String.join(", ", offending));
    }

    /**
     * Describes how {@code mount} exposes a Docker socket, or returns {@code null} when it exposes none. Both the
     * source as the engine reports it and the resolved source count, because a link such as {@code /tmp/d.sock ->
     * /var/run/docker.sock} makes the engine mount the socket under an innocent name.
     */
    private static @Nullable String describeExposure(MountFacts mount, Set<String> sockets) {
        String source = HostPaths.normalize(mount.source());
        if (source == null) {
            return null;
        }
        String resolved = HostPaths.normalize(mount.resolvedSource());
        if (resolved != null && canonical(resolved).equals(canonical(source))) {
            // Most hosts link /var/run to /run, so naming that resolution would only repeat the source.
            resolved = null;
        }
        String matched = source;
        String exposed = exposedSocket(source, sockets);
        if (exposed == null && resolved != null) {
            matched = resolved;
            exposed = exposedSocket(resolved, sockets);
        }
        if (exposed == null) {
            return null;
        }
        String path = resolved == null ? source : source + " (resolves to " + resolved + ")";
        String mode = mount.readWrite() ? "read-write" : "read-only";
        if (canonical(exposed).equals(canonical(matched))) {
            return path + " at " + mount.destination() + " (" + mode + ")";
        }
        return "folder " + path + " at " + mount.destination() + " (" + mode + "), which contains " + exposed;
    }

    /**
     * Returns the socket that a mount of {@code source} exposes, or {@code null} when it exposes none. The socket
     * counts when it is {@code source} itself or lies below it, under either spelling of {@code /var/run}.
     */
    private static @Nullable String exposedSocket(String source, Set<String> sockets) {
        if (source.endsWith("/" + SOCKET_FILE_NAME)) {
            return source;
        }
        for (String socket : sockets) {
            if (HostPaths.isSameOrBelow(socket, source)
                    || HostPaths.isSameOrBelow(canonical(socket), canonical(source))) {
                return socket;
            }
        }
        return null;
    }

    /** Returns the default sockets plus every {@code unix://} address in the daemon's {@code hosts} setting. */
    private static Set<String> socketPaths(CheckContext context) {
        Set<String> sockets = new LinkedHashSet<>(DEFAULT_SOCKETS);
        DaemonSetting hosts = context.daemonSetting("hosts");
        if (hosts != null && hosts.value() instanceof List<?> addresses) {
            for (Object address : addresses) {
                if (address instanceof String text && text.startsWith("unix://")) {
                    String path = HostPaths.normalize(text.substring("unix://".length()));
                    if (path != null) {
                        sockets.add(path);
                    }
                }
            }
        }
        return sockets;
    }

    /** Maps {@code /var/run/...} to {@code /run/...}, so that both spellings of one folder compare equal. */
    private static String canonical(String path) {
        if (path.equals("/var/run")) {
            return "/run";
        }
        return path.startsWith("/var/run/") ? "/run" + path.substring("/var/run".length()) : path;
    }
}
