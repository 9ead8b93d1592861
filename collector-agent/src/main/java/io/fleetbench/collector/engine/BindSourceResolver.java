package io.fleetbench.collector.engine;

import io.fleetbench.collector.hostfiles.HostPathResolver;
import io.fleetbench.collector.hostfiles.HostPathResolver.Resolution;
import io.fleetbench.model.snapshot.MountFacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resolver that sets each bind mount's {@link MountFacts#resolvedSource() resolved source}, the host path that its
 * source leads to once every symbolic link in it is followed. The engine reports a bind's source as the user gave it,
 * while the kernel mounts the link's target, so {@code -v /srv/cfg:/cfg} with {@code /srv/cfg -> /etc} exposes
 * {@code /etc}.
 */
final class BindSourceResolver {

    private static final Logger log = LoggerFactory.getLogger(BindSourceResolver.class);

    /** The number of distinct unresolvable sources logged before the set of logged ones starts over. */
    private static final int MAX_LOGGED = 1_000;

    private final HostPathResolver resolver;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /**
     * @param hostRoot the folder where the host's root folder is mounted for the agent, {@code /} when it runs on
     *     the host
     */
    BindSourceResolver(Path hostRoot) {
        this.resolver = new HostPathResolver(hostRoot);
    }

    /** Returns {@code mounts} with the resolved source set on every bind whose source leads elsewhere. */
    List<MountFacts> resolve(String containerName, List<MountFacts> mounts) {
        return mounts.stream().map(mount -> resolve(containerName, mount)).toList();
    }

    private MountFacts resolve(String containerName, MountFacts mount) {
        String source = mount.source();
        if (!"bind".equals(mount.type()) || source == null || !source.startsWith("/")) {
            return mount;
        }
        Resolution resolution;
        try {
            resolution = resolver.resolve(source);
        } catch (IllegalArgumentException e) {
            logOnce(containerName, source, "Bind source {} of container {} was not resolved ({}), so rules judge it by"
                    + " this path alone", e.getMessage());
            return mount;
        }
        if (resolution instanceof Resolution.DanglingLink dangling) {
            log.debug("Bind source {} of container {} contains the dangling link {} to {}, so it resolves to"
                    + " missing {}", source, containerName, dangling.link(), dangling.target(), dangling.hostPath());
        } else if (resolution instanceof Resolution.LinkLoop loop) {
            logOnce(containerName, source, "Bind source {} of container {} was not resolved: more than {} symbolic"
                    + " links, a loop at {}. Rules judge it by this path alone", HostPathResolver.MAX_LINKS,
                    loop.link());
        } else if (resolution instanceof Resolution.Unreadable unreadable) {
            logOnce(containerName, source, "Bind source {} of container {} was not resolved: {} could not be read"
                    + " ({}). Rules judge it by this path alone", unreadable.path(), unreadable.error().toString());
        }
        // NOTE: a loop or an unreadable folder leaves no resolved source, so rules judge that bind by its source alone.
        String resolved = resolution.hostPath();
        if (resolved == null || resolved.equals(Path.of(source).normalize().toString())) {
            return mount;
        }
        return mount.withResolvedSource(resolved);
    }

    /**
     * Logs a failed resolution at WARN once per container and source, because the agent collects the same containers
     * every few minutes. Repeats go to DEBUG.
     */
    private void logOnce(String containerName, String source, String message, Object... details) {
        Object[] arguments = new Object[details.length + 2];
        arguments[0] = source;
        arguments[1] = containerName;
        System.arraycopy(details, 0, arguments, 2, details.length);
        if (logged.size() >= MAX_LOGGED) {
            logged.clear();
        }
        if (logged.add(containerName + '\0' + source)) {
            log.warn(message, arguments);
        } else {
            log.debug(message, arguments);
        }
    }
}
