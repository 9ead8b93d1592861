package io.fleetbench.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in KRaft mode, run in this JVM from Kafka's own server classes. It listens on
 * loopback only, acts as its own controller, and keeps its log in a folder of its own.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static EmbeddedKafkaBroker shared;

    private final Path logDir;
    private final boolean deleteOnClose;
    private final int brokerPort;
    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(Path logDir, boolean deleteOnClose, int brokerPort, KafkaRaftServer server) {
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.brokerPort = brokerPort;
        this.server = server;
    }

    /**
     * Returns one broker shared by every caller in this JVM, started on first use and stopped when the JVM exits.
     * Tests share it so that a test run starts one broker, not one per class.
     */
    public static synchronized EmbeddedKafkaBroker shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("fleetbench-kafka-"), true, 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to create a temporary folder for the embedded Kafka log", e);
            }
            EmbeddedKafkaBroker broker = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-shutdown"));
        }
        return shared;
    }

    /**
     * Formats {@code logDir} if it is new and starts a broker on it.
     *
     * @param logDir the folder for the broker's log; an existing formatted folder keeps its topics
     * @param deleteOnClose whether {@link #close()} deletes the folder
     * @param port the loopback port for clients, or 0 to choose a free one
     */
    public static EmbeddedKafkaBroker start(Path logDir, boolean deleteOnClose, int port) {
        long started = System.nanoTime();
        int brokerPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Map<String, String> settings = Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("message.max.bytes", String.valueOf(9 * 1024 * 1024)),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("log.flush.interval.messages", "1"));
        try {
            Files.createDirectories(logDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir, settings);
            }
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(toProperties(settings), false), Time.SYSTEM);
            server.startup();
            log.info("Embedded Kafka broker started on 127.0.0.1:{} in {} ms, log in {}", brokerPort,
                    (System.nanoTime() - started) / 1_000_000, logDir);
            return new EmbeddedKafkaBroker(logDir, deleteOnClose, brokerPort, server);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to prepare the embedded Kafka log folder " + logDir, e);
        }
    }

    /** Returns the {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    @Override
    public synchronized void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
            log.info("Embedded Kafka broker on 127.0.0.1:{} stopped", brokerPort);
        } catch (RuntimeException e) {
            log.warn("Embedded Kafka broker on 127.0.0.1:{} did not stop cleanly", brokerPort, e);
        }
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
    }

    private static void format(Path logDir, Map<String, String> settings) throws IOException {
        Path config = Files.createTempFile("fleetbench-kafka-", ".properties");
        try {
            try (Writer writer = Files.newBufferedWriter(config)) {
                toProperties(settings).store(writer, "embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String clusterId = Uuid.randomUuid().toString();
            int exitCode;
            try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                exitCode = StorageTool.execute(
                        new String[] {"format", "-t", clusterId, "-c", config.toString(), "--ignore-formatted"}, printer);
            }
            if (exitCode != 0) {
                throw new IllegalStateException("Formatting the embedded Kafka log folder " + logDir + " failed with exit code "
                        + exitCode + ": " + output.toString(StandardCharsets.UTF_8).strip());
            }
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static Properties toProperties(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to find a free loopback port", e);
        }
    }

    static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Failed to delete {}", folder, e);
        }
    }
}
