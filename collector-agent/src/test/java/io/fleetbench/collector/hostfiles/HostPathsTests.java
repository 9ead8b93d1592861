package io.fleetbench.collector.hostfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPathsTests {

    @TempDir
    Path root;

    @Test
    void absoluteLinkReRootedUnderRoot() throws IOException {
        Files.createDirectories(root.resolve("run"));
        Files.createDirectories(root.resolve("var"));
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("/run"));

        assertThat(HostPaths.resolveInRoot(root, "/var/run/docker.sock", false))
                .isEqualTo(root.resolve("run/docker.sock"));
    }

    @Test
    void relativeLinkCannotClimbOut() throws IOException {
        Files.createDirectories(root.resolve("etc/docker"));
        Files.createSymbolicLink(root.resolve("etc/docker/escape"), Path.of("../../../../../../etc/shadow"));

        assertThat(HostPaths.resolveInRoot(root, "/etc/docker/escape", true)).isEqualTo(root.resolve("etc/shadow"));
    }

    @Test
    void lastLinkKeptUnlessFollowed() throws IOException {
        Files.createDirectories(root.resolve("etc/docker"));
        Files.createSymbolicLink(root.resolve("etc/docker/daemon.json"), Path.of("/srv/daemon.json"));

        assertThat(HostPaths.resolveInRoot(root, "/etc/docker/daemon.json", false))
                .isEqualTo(root.resolve("etc/docker/daemon.json"));
        assertThat(HostPaths.resolveInRoot(root, "/etc/docker/daemon.json", true))
                .isEqualTo(root.resolve("srv/daemon.json"));
    }

    @Test
    void linkLoopFailsWithLimit() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), Path.of("/b"));
        Files.createSymbolicLink(root.resolve("b"), Path.of("/a"));

        assertThatThrownBy(() -> HostPaths.resolveInRoot(root, "/a/file", true))
                .isInstanceOf(IOException.class)
                .hasMessage("more than 40 symbolic links in host path /a/file");
    }

    @Test
    void hostPathOfResolvedFile() {
        assertThat(HostPaths.toHostPath(root, root.resolve("etc/docker"))).isEqualTo("/etc/docker");
        assertThat(HostPaths.toHostPath(root, root)).isEqualTo("/");
    }
}
