package io.fleetbench.collector.identity;

import io.fleetbench.collector.hostfiles.HostPaths;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives and keeps the host id. The engine's own ID is not unique: machines cloned from one image share it, and
 * Docker 20.10 engines on one machine share it too. So the id is a SHA-256 hash of the machine's identity
 * ({@code /etc/machine-id} under the host root, or a random id stored once in the state folder), the engine ID and
 * the Docker host address. The result is stored in the state folder with the inputs it came from, and reused while
 * those stay the same.
 */
public class HostIdentityStore {

    private static final Logger log = LoggerFactory.getLogger(HostIdentityStore.class);

    static final String HOST_ID_FILE = "host-id.properties";
    static final String MACHINE_ID_FILE = "machine-id";

    /** Paths of the machine identity files of systemd and D-Bus, as seen on the host. */
    private static final List<String> MACHINE_ID_PATHS = List.of("/etc/machine-id", "/var/lib/dbus/machine-id");

    /** Prefix of derived ids; a derived id is this prefix and 32 hex digits, 128 bits of the hash. */
    static final String DERIVED_PREFIX = "h-";

    private final Path stateDir;
    private final Path hostRoot;
    private final URI dockerHost;
    private final @Nullable String fixedHostId;
    private @Nullable String resolvedEngineId;
    private @Nullable String resolvedHostId;

    /**
     * @param stateDir the agent's state folder
     * @param hostRoot the folder in which the agent sees the host's root folder
     * @param dockerHost the engine's address, part of the id so that two engines on one machine differ
     * @param fixedHostId an operator-given id that replaces the derived one, or {@code null}
     */
    public HostIdentityStore(Path stateDir, Path hostRoot, URI dockerHost, @Nullable String fixedHostId) {
        this.stateDir = stateDir;
        this.hostRoot = hostRoot;
        this.dockerHost = dockerHost;
        this.fixedHostId = fixedHostId;
    }

    /**
     * Returns the host id for the engine with ID {@code engineId}: the fixed id where one is configured, the stored
     * id where it was derived from the same engine ID and address, else a newly derived and stored one.
     */
    public synchronized String hostId(String engineId) {
        if (fixedHostId != null) {
            return fixedHostId;
        }
        if (engineId.equals(resolvedEngineId) && resolvedHostId != null) {
            return resolvedHostId;
        }
        String hostId = loadOrDerive(engineId);
        resolvedEngineId = engineId;
        resolvedHostId = hostId;
        return hostId;
    }

    private String loadOrDerive(String engineId) {
        Path file = stateDir.resolve(HOST_ID_FILE);
        Properties stored = load(file);
        String storedId = stored.getProperty("host-id");
        if (storedId != null
                && dockerHost.toString().equals(stored.getProperty("docker-host"))
                && engineId.equals(stored.getProperty("engine-id"))) {
            return storedId;
        }
        String derived = derive(machineIdentity(), engineId, dockerHost);
        if (storedId != null && !storedId.equals(derived)) {
            log.warn("Host id changes from {} to {} because the state folder {} was written for docker host {} and"
                    + " engine {}, now {} and {}; give each agent its own state folder", storedId, derived, stateDir,
                    stored.getProperty("docker-host"), stored.getProperty("engine-id"), dockerHost, engineId);
        }
        store(file, derived, engineId);
        log.info("Host id {} derived for engine {} at {}", derived, engineId, dockerHost);
        return derived;
    }

    /** Hashes the three inputs; the same inputs always give the same id. */
    static String derive(String machineIdentity, String engineId, URI dockerHost) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String input = "fleetbench-host-id-v1\n" + machineIdentity + "\n" + engineId + "\n" + dockerHost;
            byte[] hash = digest.digest(input.getBytes(StandardCharsets.UTF_8));
            return DERIVED_PREFIX + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * Returns the machine's identity from the host's machine-id files, else a random one created once in the state
     * folder, for hosts and containers without a machine id.
     */
    String machineIdentity() {
        for (String hostPath : MACHINE_ID_PATHS) {
            Path file = HostPaths.resolve(hostRoot, hostPath);
            try {
                if (Files.isRegularFile(file)) {
                    String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                    if (!id.isEmpty()) {
                        return id;
                    }
                }
            } catch (IOException e) {
                log.warn("Failed to read the machine id from {}; trying the next source", file, e);
            }
        }
        Path fallback = stateDir.resolve(MACHINE_ID_FILE);
        try {
            if (Files.isRegularFile(fallback)) {
                String id = Files.readString(fallback, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty()) {
                    return id;
                }
            }
            String created = UUID.randomUUID().toString();
            StateFiles.writeAtomically(fallback, created + "\n");
            log.warn("No machine id under host root {}; created a random one in {}. Mount the host's /etc/machine-id"
                    + " to keep the host id when the state folder is lost", hostRoot, fallback);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to keep a machine id in " + fallback
                    + ": make the state folder writable for the agent's user", e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        if (!Files.isRegularFile(file)) {
            return properties;
        }
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Failed to read the stored host id from {}; deriving it again", file, e);
            return new Properties();
        }
        return properties;
    }

    private void store(Path file, String hostId, String engineId) {
        Properties properties = new Properties();
        properties.setProperty("host-id", hostId);
        properties.setProperty("docker-host", dockerHost.toString());
        properties.setProperty("engine-id", engineId);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "Fleetbench collector host identity");
            StateFiles.writeAtomically(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to store host id " + hostId + " in " + file
                    + ": make the state folder writable for the agent's user", e);
        }
    }
}
