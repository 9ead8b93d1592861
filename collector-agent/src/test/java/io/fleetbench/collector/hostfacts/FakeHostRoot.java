package io.fleetbench.collector.hostfacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds a fake host root in a temporary folder: the files of a folder under {@code host-roots/} in the test
 * resources, plus what Git cannot store (sockets, symbolic links, owners, setuid and sticky bits, process entries).
 */
final class FakeHostRoot {

    private final Path root;

    private FakeHostRoot(Path root) {
        this.root = root;
    }

    /** Copies the resource folder {@code host-roots/<name>} into {@code root}. */
    static FakeHostRoot copy(String name, Path root) throws IOException {
        Path source;
        try {
            source = Path.of(FakeHostRoot.class.getResource("/host-roots/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                Path target = root.resolve(source.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return new FakeHostRoot(root);
    }

    Path root() {
        return root;
    }

    Path path(String hostPath) {
        return root.resolve(hostPath.substring(1));
    }

    /** Sets the full mode, setuid, setgid and sticky bits included, and the numeric owner and group. */
    FakeHostRoot chmod(String hostPath, int mode, int uid, int gid) throws IOException {
        Path file = path(hostPath);
        Files.setAttribute(file, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(file, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(file, "unix:mode", mode);
        return this;
    }

    FakeHostRoot link(String hostPath, String target) throws IOException {
        Files.createDirectories(path(hostPath).getParent());
        Files.createSymbolicLink(path(hostPath), Path.of(target));
        return this;
    }

    /** Creates a Unix domain socket file; the socket closes, but its file stays, as a stopped daemon's would. */
    FakeHostRoot socket(String hostPath) throws IOException {
        Files.createDirectories(path(hostPath).getParent());
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(path(hostPath)));
        }
        return this;
    }

    /** Adds {@code /proc/<pid>} with a NUL-separated {@code cmdline}, an {@code exe} link and a {@code status}. */
    FakeHostRoot process(long pid, String executable, List<String> argv) throws IOException {
        Path folder = path("/proc/" + pid);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("status"), "Name:\t" + Path.of(executable).getFileName()
                + "\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
        Files.write(folder.resolve("cmdline"), (String.join("\0", argv) + "\0").getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(folder.resolve("exe"), Path.of(executable));
        return this;
    }
}
