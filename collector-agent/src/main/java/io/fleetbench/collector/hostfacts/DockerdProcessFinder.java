package io.fleetbench.collector.hostfacts;

import io.fleetbench.collector.hostfiles.HostPaths;
import io.fleetbench.model.snapshot.DockerdProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Finds the running dockerd through {@code /proc/<pid>/cmdline} under the host root. A process counts when the
 * basename of its {@code /proc/<pid>/exe} link or of its {@code argv[0]} is exactly {@code dockerd}. Where several
 * run, the one whose {@code -H} addresses include the agent's Docker host is chosen; where none or several match,
 * every candidate is recorded and none is chosen, because guessing would attribute one daemon's flags to another.
 */
final class DockerdProcessFinder {

    /** The socket dockerd listens on without {@code -H}, and the one systemd's {@code fd://} activation uses. */
    static final String DEFAULT_SOCKET = "/var/run/docker.sock";

    private final Path hostRoot;
    private final URI dockerHost;

    DockerdProcessFinder(Path hostRoot, URI dockerHost) {
        this.hostRoot = hostRoot;
        this.dockerHost = dockerHost;
    }

    /**
     * The chosen process and its parsed command line.
     *
     * @param process what the snapshot records
     * @param commandLine the chosen process's parsed arguments, or {@code null} where none was chosen
     */
    record Result(DockerdProcess process, @Nullable DockerdCommandLine commandLine) {
    }

    /** Returns {@code null} where no dockerd runs or {@code /proc} is not visible under the host root. */
    @Nullable Result find(String defaultConfigFile) {
        TreeMap<Long, DockerdCommandLine> found = new TreeMap<>();
        List<String> unparsable = new ArrayList<>();
        Path proc = HostPaths.resolve(hostRoot, "/proc");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path entry : entries) {
                List<String> argv = dockerdArguments(entry);
                if (argv == null) {
                    continue;
                }
                long pid = Long.parseLong(entry.getFileName().toString());
                try {
                    found.put(pid, DockerdCommandLine.parse(argv.subList(1, argv.size())));
                } catch (IllegalArgumentException e) {
                    unparsable.add("process " + pid + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            return null;
        }
        if (found.isEmpty() && unparsable.isEmpty()) {
            return null;
        }
        List<DockerdProcess.Candidate> candidates = new ArrayList<>();
        List<Long> matching = new ArrayList<>();
        found.forEach((pid, commandLine) -> {
            candidates.add(new DockerdProcess.Candidate(pid, commandLine.hosts()));
            if (listensOn(commandLine.hosts(), dockerHost)) {
                matching.add(pid);
            }
        });
        Long chosen = null;
        String selection;
        if (found.size() == 1) {
            chosen = found.firstKey();
            selection = "the only dockerd process";
        } else if (matching.size() == 1) {
            chosen = matching.get(0);
            selection = "the dockerd process listening on " + dockerHost;
        } else {
            selection = matching.size() + " of " + found.size() + " dockerd processes listen on " + dockerHost
                    + ", so none was chosen; give each engine its own -H socket";
        }
        if (!unparsable.isEmpty()) {
            selection += "; arguments not understood for " + String.join(", ", unparsable);
        }
        if (chosen == null) {
            return new Result(new DockerdProcess(null, null, List.of(), null, candidates, selection), null);
        }
        DockerdCommandLine commandLine = found.get(chosen);
        String configFile = commandLine.configFile() != null ? commandLine.configFile() : defaultConfigFile;
        Long uid = realUid(proc.resolve(Long.toString(chosen)));
        return new Result(
                new DockerdProcess(chosen, uid, commandLine.arguments(), configFile, candidates, selection),
                commandLine);
    }

    /** Reads the real user id from the {@code Uid:} line of {@code /proc/<pid>/status}. */
    private static @Nullable Long realUid(Path processFolder) {
        try {
            for (String line : Files.readAllLines(processFolder.resolve("status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring("Uid:".length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Returns the process's argv where it is a dockerd, else {@code null}. */
    private static @Nullable List<String> dockerdArguments(Path processFolder) {
        byte[] cmdline;
        try {
            cmdline = Files.readAllBytes(processFolder.resolve("cmdline"));
        } catch (IOException e) {
            return null;
        }
        if (cmdline.length == 0) {
            return null;
        }
        List<String> argv = Arrays.asList(new String(cmdline, StandardCharsets.UTF_8).split("\0"));
        String executable = null;
        try {
            executable = Files.readSymbolicLink(processFolder.resolve("exe")).toString();
        } catch (IOException | UnsupportedOperationException e) {
            // Reading another user's exe link needs privileges; argv[0] still identifies the process.
        }
        boolean dockerd = basename(argv.get(0)).equals("dockerd")
                || executable != null && basename(executable.replace(" (deleted)", "")).equals("dockerd");
        return dockerd ? argv : null;
    }

    /** Returns whether a dockerd with these {@code -H} values serves {@code dockerHost}. */
    static boolean listensOn(List<String> hosts, URI dockerHost) {
        List<String> addresses = hosts.isEmpty() ? List.of("unix://" + DEFAULT_SOCKET) : hosts;
        for (String address : addresses) {
            if (sameAddress(address, dockerHost)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddress(String address, URI dockerHost) {
        if (address.startsWith("fd://")) {
            address = "unix://" + DEFAULT_SOCKET;
        }
        if (address.startsWith("unix://") && "unix".equals(dockerHost.getScheme())) {
            return socketPath(address.substring("unix://".length())).equals(socketPath(dockerHost.getPath()));
        }
        if (address.startsWith("tcp://") && "tcp".equals(dockerHost.getScheme())) {
            URI listening = URI.create(address);
            return listening.getPort() == dockerHost.getPort();
        }
        return false;
    }

    /** Treats {@code /var/run} and {@code /run} as one folder, as every current distribution links them. */
    private static String socketPath(String path) {
        return path.startsWith("/var/run/") ? path.substring("/var".length()) : path;
    }

    private static String basename(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
