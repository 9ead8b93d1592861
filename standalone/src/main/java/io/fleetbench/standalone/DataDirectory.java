package io.fleetbench.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The standalone fleet's data folder. It keeps the broker's log, the database and the agent's state across runs,
 * so history survives a restart, and it is readable by its owner only because the database holds host facts.
 */
record DataDirectory(Path root) {

    static DataDirectory open(Path root) {
        try {
            Files.createDirectories(root);
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create the data folder " + root
                    + ": choose a writable folder with --data-dir", e);
        }
        return new DataDirectory(root.toAbsolutePath());
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path agentState() {
        return root.resolve("agent");
    }

    /** Returns the file with the secret that the gateway sends to the report service with each API request. */
    Path gatewayTokenFile() {
        return root.resolve("gateway-token");
    }

    Path logFile() {
        return Path.of(System.getProperty(StandaloneLogging.LOG_FILE_PROPERTY, root.resolve("fleetbench.log").toString()));
    }
}
