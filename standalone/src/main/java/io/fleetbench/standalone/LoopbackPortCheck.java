package io.fleetbench.standalone;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a fixed loopback port can be bound before the fleet starts anything, so that a port in use fails in
 * milliseconds with one line, not minutes later when the API gateway binds it.
 */
final class LoopbackPortCheck {

    /** The TCP state code of a listening socket in {@code /proc/net/tcp} and {@code /proc/net/tcp6}. */
    private static final String LISTEN_STATE = "0A";

    /** The address the standalone fleet binds its services on, as {@code server.address} in ServiceContexts. */
    private static final InetAddress LOOPBACK = ipv4Loopback();

    private LoopbackPortCheck() {
    }

    /**
     * Binds and releases {@code port} on 127.0.0.1 with {@code SO_REUSEADDR}, as Reactor Netty binds the gateway, so
     * connections in TIME_WAIT do not count as a conflict. Port 0 is not checked, because it picks a free port.
     *
     * <p>NOTE: another process can still take the port between this check and the gateway's start.
     *
     * @param option the command-line option that set the port, named in the message
     * @throws PortInUseException when the port cannot be bound
     */
    static void requireBindable(int port, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
        } catch (BindException e) {
            String holder = listeningProcesses(port).map(processes -> " (held by " + processes + ")").orElse("");
            throw new PortInUseException("Port " + port + " on " + LOOPBACK.getHostAddress() + " is already in use"
                    + holder + ": stop that process, or choose another port with " + option
                    + " (0 picks a free one)");
        } catch (IOException e) {
            throw new PortInUseException("Failed to bind port " + port + " on " + LOOPBACK.getHostAddress() + " ("
                    + e.getMessage() + "): choose another port with " + option + " (0 picks a free one)");
        }
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("A four-byte address is always valid", e);
        }
    }

    /**
     * Finds the processes with a socket listening on {@code port}, such as {@code "java (pid 4242)"}, from Linux's
     * {@code /proc}. Returns empty where {@code /proc} is missing or the owner's file descriptors are not readable,
     * which is the case for another user's processes unless this one runs as root.
     */
    static Optional<String> listeningProcesses(int port) {
        Set<String> inodes = listeningSocketInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        Set<String> processes = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : entries) {
                if (holdsAnySocket(process, inodes)) {
                    processes.add(commandName(process) + " (pid " + process.getFileName() + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return processes.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", processes));
    }

    private static Set<String> listeningSocketInodes(int port) {
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        Set<String> inodes = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue;
            }
            // Columns: sl, local_address, rem_address, st, tx_queue:rx_queue, tr:tm->when, retrnsmt, uid, timeout, inode.
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (columns.length > 9 && columns[1].endsWith(portHex) && columns[3].equals(LISTEN_STATE)) {
                    inodes.add(columns[9]);
                }
            }
        }
        return inodes;
    }

    private static boolean holdsAnySocket(Path process, Set<String> inodes) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                String target = Files.readSymbolicLink(descriptor).toString();
                if (target.startsWith("socket:[")
                        && inodes.contains(target.substring("socket:[".length(), target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            // The process ended, or its descriptors belong to another user.
        }
        return false;
    }

    private static String commandName(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return "unknown process";
        }
    }
}
