package io.fleetbench.collector.events;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.HealthCheck;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises the execs that the engine runs for a container's health check. The engine reports each probe as
 * {@code exec_create} and {@code exec_start}, every interval (30 s by default), but a probe is neither a person's
 * exec nor a change of configuration, so it should trigger no snapshot and no runtime event.
 *
 * <p>An exec is a probe when its command line equals the one the engine builds from the container's
 * {@code Healthcheck.Test}: the arguments after {@code CMD}, or the container's shell ({@code /bin/sh -c} by default)
 * and the text after {@code CMD-SHELL}. Only digests of command lines are compared, so no command is kept.
 */
public final class HealthCheckExecs implements Predicate<ObservedEngineEvent> {

    private static final Logger log = LoggerFactory.getLogger(HealthCheckExecs.class);

    /** Containers whose health-check command is remembered; the least recently used is forgotten first. */
    static final int MAX_CONTAINERS = 1024;

    private static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    private final Function<String, @Nullable HealthCommand> lookup;
    private final Map<String, Optional<String>> probeDigests = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<String>> eldest) {
            return size() > MAX_CONTAINERS;
        }
    };

    /** Reads health checks with {@code client}. */
    public HealthCheckExecs(DockerClient client) {
        this(containerId -> inspect(client, containerId));
    }

    /**
     * @param lookup returns a container's health check by container id, or {@code null} when the container is gone
     */
    HealthCheckExecs(Function<String, @Nullable HealthCommand> lookup) {
        this.lookup = lookup;
    }

    /** Returns whether {@code event} is an exec of its container's health check. */
    @Override
    public synchronized boolean test(ObservedEngineEvent event) {
        String containerId = event.targetId();
        if (containerId == null || !"container".equals(event.kind())) {
            return false;
        }
        if ("destroy".equals(event.action())) {
            probeDigests.remove(containerId);
            return false;
        }
        if (!event.isExec() || event.execCommandDigest() == null) {
            return false;
        }
        Optional<String> probe = probeDigests.get(containerId);
        if (probe == null) {
            HealthCommand health = lookup.apply(containerId);
            probe = Optional.ofNullable(health == null ? null : health.commandLine()).map(HealthCheckExecs::digest);
            probeDigests.put(containerId, probe);
        }
        return probe.isPresent() && probe.get().equals(event.execCommandDigest());
    }

    /** Returns the SHA-256 in hex of a command line with its outer blanks removed. */
    static String digest(String commandLine) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(commandLine.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256, which every Java platform must provide", e);
        }
    }

    private static @Nullable HealthCommand inspect(DockerClient client, String containerId) {
        try {
            InspectContainerResponse container = client.inspectContainerCmd(containerId).exec();
            if (container.getConfig() == null || container.getConfig().getHealthcheck() == null) {
                return new HealthCommand(List.of(), List.of());
            }
            HealthCheck health = container.getConfig().getHealthcheck();
            // NOTE: docker-java's ContainerConfig has no Shell field, so a container that sets SHELL in its image
            // has probes that do not match and still trigger snapshots, as before.
            return new HealthCommand(health.getTest() == null ? List.of() : health.getTest(), List.of());
        } catch (DockerException e) {
            log.debug("Container {} could not be inspected for its health check ({})", containerId,
                    e.getHttpStatus());
            return null;
        }
    }

    /**
     * A container's health check as the engine stores it.
     *
     * @param test {@code Healthcheck.Test}: {@code ["CMD", program, args...]}, {@code ["CMD-SHELL", text]},
     *     {@code ["NONE"]} or empty
     * @param shell the container's {@code Shell}, empty for the default {@code /bin/sh -c}
     */
    record HealthCommand(List<String> test, List<String> shell) {

        HealthCommand {
            test = List.copyOf(test);
            shell = List.copyOf(shell);
        }

        /** Returns the command line of the probe exec, as the engine writes it into the event, or {@code null}. */
        @Nullable String commandLine() {
            if (test.size() < 2) {
                return null;
            }
            return switch (test.get(0)) {
                case "CMD" -> String.join(" ", test.subList(1, test.size()));
                case "CMD-SHELL" -> String.join(" ", shell.isEmpty() ? DEFAULT_SHELL : shell) + " " + test.get(1);
                default -> null;
            };
        }
    }
}
