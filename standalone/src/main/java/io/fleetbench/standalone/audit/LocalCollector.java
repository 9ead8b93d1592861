package io.fleetbench.standalone.audit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Info;
import io.fleetbench.collector.CollectionService;
import io.fleetbench.collector.engine.DockerClientFactory;
import io.fleetbench.collector.engine.EngineReader;
import io.fleetbench.collector.engine.EngineUnreachableException;
import io.fleetbench.collector.engine.SnapshotAssembler;
import io.fleetbench.collector.events.RecentEventWindow;
import io.fleetbench.collector.hostfacts.HostFactsCollector;
import io.fleetbench.collector.hostfiles.DaemonJsonReader;
import io.fleetbench.collector.identity.HostIdentityStore;
import io.fleetbench.collector.identity.SequenceStore;
import io.fleetbench.model.event.HostSnapshotCollected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Collects one snapshot of a local engine with the collector agent's own classes, wired by hand without Spring or
 * Kafka. The agent's state (host id, sequence) goes to a temporary folder that is removed afterwards, so an audit
 * leaves nothing behind; the host id is still stable across runs where the host has {@code /etc/machine-id}.
 */
final class LocalCollector {

    /** The daemon.json path dockerd reads by default, as seen on the host. */
    static final String DAEMON_JSON = "/etc/docker/daemon.json";

    private final URI dockerHost;
    private final Path hostRoot;
    private final Duration timeout;
    private final Clock clock;
    private final String version;

    /**
     * @param dockerHost the engine's address
     * @param hostRoot the folder in which this process sees the host's root folder, {@code /} on the host itself
     * @param timeout the maximum wait to connect and for each engine response
     * @param version the fleetbench version recorded as the agent version
     */
    LocalCollector(URI dockerHost, Path hostRoot, Duration timeout, Clock clock, String version) {
        this.dockerHost = dockerHost;
        this.hostRoot = hostRoot;
        this.timeout = timeout;
        this.clock = clock;
        this.version = version;
    }

    /**
     * Reads the engine and the host's daemon.json into a snapshot.
     *
     * @param progress receives one-line progress messages, free of secrets
     * @throws EngineUnavailableException when the engine does not respond
     */
    HostSnapshotCollected collect(Consumer<String> progress) {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("fleetbench-audit-");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create a temporary state folder for the audit: check that "
                    + System.getProperty("java.io.tmpdir") + " is writable", e);
        }
        try (DockerClient client = DockerClientFactory.create(dockerHost, timeout)) {
            Info info = info(client);
            progress.accept("Collecting " + count(info.getContainers()) + " containers ("
                    + count(info.getContainersRunning()) + " running) and " + count(info.getImages())
                    + " images from Docker " + info.getServerVersion() + " at " + dockerHost + " ...");
            CollectionService collection = new CollectionService(
                    new EngineReader(client, dockerHost),
                    new DaemonJsonReader(hostRoot, DAEMON_JSON),
                    new HostIdentityStore(stateDir, hostRoot, dockerHost, null),
                    new SequenceStore(stateDir),
                    new SnapshotAssembler(hostRoot),
                    clock,
                    null,
                    Map.of(),
                    version,
                    // A one-shot audit watches no events, so 5.22 and 5.23 see none, as after an agent's start.
                    RecentEventWindow.disabled(),
                    new HostFactsCollector(hostRoot, dockerHost, DAEMON_JSON, timeout));
            return collection.collect("audit");
        } catch (EngineUnreachableException e) {
            throw new EngineUnavailableException(dockerHost, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to close the Docker client of " + dockerHost, e);
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private Info info(DockerClient client) {
        try {
            return client.infoCmd().exec();
        } catch (DockerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EngineUnavailableException(dockerHost, e);
        }
    }

    private static String count(Integer value) {
        return value == null ? "?" : value.toString();
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // NOTE: a folder left behind in the temporary directory holds only a host id and a sequence number.
            System.err.println("fleetbench: could not remove the temporary folder " + folder + ": " + e.getMessage());
        }
    }
}
