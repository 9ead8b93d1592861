package io.fleetbench.collector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A dockerd of the tests' own, with its own socket, data root, exec root, pid file and daemon.json under a short
 * folder in {@code /tmp}, started and stopped by {@code fleet/engine.sh}. Tests that need a quiet engine, or several
 * engines with different settings, use it instead of the shared one on {@code /var/run/docker.sock}.
 */
public final class PrivateDockerEngine implements AutoCloseable {

    private static @Nullable PrivateDockerEngine shared;

    private final Path folder;
    private final String name;

    private PrivateDockerEngine(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /**
     * Returns one engine with an empty daemon.json, shared by the tests of this JVM and stopped when it exits.
     */
    public static synchronized PrivateDockerEngine shared() {
        if (shared == null) {
            PrivateDockerEngine engine = start("shared", "{}\n");
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "private-dockerd-shutdown"));
            shared = engine;
        }
        return shared;
    }

    /**
     * Starts an engine with {@code daemonJson} as its configuration file and imports {@code local/busybox:1} into it.
     *
     * @param name a short label for logs and failure messages
     */
    public static PrivateDockerEngine start(String name, String daemonJson) {
        Path folder = Path.of("/tmp", "fbe-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(folder);
            Path config = folder.resolve("daemon.json.in");
            Files.writeString(config, daemonJson, StandardCharsets.UTF_8);
            run("start", folder.toString(), config.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to prepare the folder of private engine " + name + " in " + folder,
                    e);
        }
        return new PrivateDockerEngine(folder, name);
    }

    /** Returns the engine's address for {@code fleetbench.collector.docker-host}. */
    public URI dockerHost() {
        return URI.create("unix://" + socket());
    }

    /** Returns the engine's socket path. */
    public Path socket() {
        return folder.resolve("docker.sock");
    }

    /** Returns the daemon.json the engine runs with. */
    public Path daemonJson() {
        return folder.resolve("daemon.json");
    }

    /** Returns the engine's data root. */
    public Path dataRoot() {
        return folder.resolve("data");
    }

    /** Runs the docker CLI against this engine and returns its standard output. */
    public String docker(String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", dockerHost().toString()));
        command.addAll(List.of(arguments));
        return exec(command, null);
    }

    /** Runs the docker CLI against this engine in {@code workingFolder}, for builds. */
    public String dockerIn(Path workingFolder, String... arguments) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", dockerHost().toString()));
        command.addAll(List.of(arguments));
        return exec(command, workingFolder);
    }

    @Override
    public void close() {
        run("stop", folder.toString());
    }

    @Override
    public String toString() {
        return "private engine " + name + " on " + socket();
    }

    /** Returns the reason these engines cannot run here, or {@code null} where they can. */
    public static @Nullable String unavailableReason() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "private dockerd instances need root, and the tests run as " + System.getProperty("user.name");
        }
        if (!onPath("dockerd") || !onPath("docker")) {
            return "dockerd or docker is not installed: apt-get install -y docker.io busybox-static";
        }
        if (!Files.isExecutable(Path.of("/bin/busybox"))) {
            return "/bin/busybox is missing: apt-get install -y busybox-static";
        }
        return null;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String folder : path.split(":")) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("sh", script().toString()));
        command.addAll(List.of(arguments));
        exec(command, null);
    }

    private static String exec(List<String> command, @Nullable Path workingFolder) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (workingFolder != null) {
                builder.directory(workingFolder.toFile());
            }
            builder.environment().put("DOCKER_BUILDKIT", "0");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Command " + command + " timed out after 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Command " + command + " failed with status " + process.exitValue()
                        + ": " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    private static Path script() {
        try {
            return Path.of(PrivateDockerEngine.class.getResource("/fleet/engine.sh").toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("Test resource fleet/engine.sh is missing from the class path", e);
        }
    }
}
