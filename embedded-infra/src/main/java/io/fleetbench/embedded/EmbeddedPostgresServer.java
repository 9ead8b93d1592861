package io.fleetbench.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the zonky binaries as a child process, listening on loopback. Each caller
 * gets its own database through {@link #createDatabase(String)}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /** The superuser that the zonky binaries create, with trust authentication on loopback. */
    public static final String USER = "postgres";

    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Returns one server shared by every caller in this JVM, stopped when the JVM exits. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("fleetbench-postgres-"), true, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to create a temporary folder for embedded PostgreSQL", e);
            }
            EmbeddedPostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-shutdown"));
        }
        return shared;
    }

    /**
     * Starts a server on {@code dataDir}.
     *
     * @param dataDir the data folder; an existing cluster in it is reused
     * @param cleanDataDir whether to delete the folder when the server stops
     * @param port the loopback port, or 0 to choose a free one
     */
    public static EmbeddedPostgresServer start(Path dataDir, boolean cleanDataDir, int port) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(cleanDataDir)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", cleanDataDir ? "off" : "on");
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} in {} ms, data in {}", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDir);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start embedded PostgreSQL on " + dataDir, e);
        }
    }

    /** Returns the server's loopback port. */
    public int port() {
        return postgres.getPort();
    }

    /** Creates the database {@code name} unless it exists, and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Database name '" + name + "' is invalid: use lower-case letters, digits and '_'");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            boolean exists;
            try (var result = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                exists = result.next();
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Failed to create database " + name + " on embedded PostgreSQL", e);
        }
        return jdbcUrl(name);
    }

    /** Returns the JDBC URL of database {@code name}. */
    public String jdbcUrl(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + name;
    }

    /** Returns the R2DBC URL of database {@code name}. */
    public String r2dbcUrl(String name) {
        return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + name;
    }

    @Override
    public synchronized void close() {
        try {
            postgres.close();
            log.info("Embedded PostgreSQL on 127.0.0.1:{} stopped", postgres.getPort());
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
