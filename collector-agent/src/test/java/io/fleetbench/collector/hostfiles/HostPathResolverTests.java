package io.fleetbench.collector.hostfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.collector.hostfiles.HostPathResolver.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver on a temporary folder used as the host root, so absolute link targets must stay inside it. */
class HostPathResolverTests {

    @TempDir
    Path root;

    private HostPathResolver resolver;

    @BeforeEach
    void createHostFolders() throws IOException {
        Files.createDirectories(root.resolve("etc/docker"));
        Files.createDirectories(root.resolve("run"));
        Files.createDirectories(root.resolve("srv"));
        Files.createDirectories(root.resolve("var"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
        Files.createFile(root.resolve("run/docker.sock"));
        resolver = new HostPathResolver(root);
    }

    @Test
    void plainPathResolvesToItself() {
        assertThat(resolver.resolve("/etc/docker")).isEqualTo(found("etc/docker", "/etc/docker"));
    }

    @Test
    void absoluteLinkStaysUnderRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("srv/cfg"), Path.of("/etc"));

        assertThat(resolver.resolve("/srv/cfg")).isEqualTo(found("etc", "/etc"));
    }

    @Test
    void relativeLinkResolvesFromItsFolder() throws IOException {
        Files.createSymbolicLink(root.resolve("srv/cfg"), Path.of("../etc/./docker"));

        assertThat(resolver.resolve("/srv/cfg")).isEqualTo(found("etc/docker", "/etc/docker"));
    }

    @Test
    void linkedParentFolderIsFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("/run"));

        assertThat(resolver.resolve("/var/run/docker.sock")).isEqualTo(found("run/docker.sock", "/run/docker.sock"));
    }

    @Test
    void chainOfLinksIsFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("../run"));
        Files.createSymbolicLink(root.resolve("srv/d.sock"), Path.of("/var/run/docker.sock"));

        assertThat(resolver.resolve("/srv/d.sock")).isEqualTo(found("run/docker.sock", "/run/docker.sock"));
    }

    @Test
    void lastLinkKeptWhenNotFollowed() throws IOException {
        Files.createSymbolicLink(root.resolve("srv/cfg"), Path.of("/etc"));

        assertThat(resolver.resolve("/srv/cfg", false)).isEqualTo(found("srv/cfg", "/srv/cfg"));
    }

    @Test
    void linkAboveRootStopsAtRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("srv/escape"), Path.of("../../../../../../etc"));
        Files.createSymbolicLink(root.resolve("srv/top"), Path.of("../../../../.."));

        assertThat(resolver.resolve("/srv/escape")).isEqualTo(found("etc", "/etc"));
        assertThat(resolver.resolve("/srv/top")).isEqualTo(new Resolution.Found(root, "/"));
    }

    @Test
    void dotDotInRequestStopsAtRoot() throws IOException {
        Files.createSymbolicLink(root.resolve("srv/up"), Path.of("/.."));

        assertThat(resolver.resolve("/srv/up/etc")).isEqualTo(found("etc", "/etc"));
    }

    @Test
    void loopReportedWithLink() throws IOException {
        Files.createSymbolicLink(root.resolve("srv/a"), Path.of("/srv/b"));
        Files.createSymbolicLink(root.resolve("srv/b"), Path.of("a"));

        Resolution resolution = resolver.resolve("/srv/a/file");

        assertThat(resolution).isInstanceOf(Resolution.LinkLoop.class);
        assertThat(((Resolution.LinkLoop) resolution).link()).isIn("/srv/a", "/srv/b");
        assertThat(resolution.hostPath()).isNull();
    }

    @Test
    void fortyLinksStillResolve() throws IOException {
        Path previous = Path.of("/etc");
        for (int i = 0; i < HostPathResolver.MAX_LINKS; i++) {
            Path link = root.resolve("srv/link" + i);
            Files.createSymbolicLink(link, previous);
            previous = Path.of("/srv/link" + i);
        }

        assertThat(resolver.resolve(previous.toString())).isEqualTo(found("etc", "/etc"));
        Files.createSymbolicLink(root.resolve("srv/one-more"), previous);
        assertThat(resolver.resolve("/srv/one-more")).isInstanceOf(Resolution.LinkLoop.class);
    }

    @Test
    void danglingLinkNamesLinkAndTarget() throws IOException {
        Files.createSymbolicLink(root.resolve("srv/gone"), Path.of("/etc/missing/conf.d"));

        Resolution resolution = resolver.resolve("/srv/gone/app.conf");

        assertThat(resolution).isEqualTo(new Resolution.DanglingLink(root.resolve("etc/missing/conf.d/app.conf"),
                "/etc/missing/conf.d/app.conf", "/srv/gone", "/etc/missing/conf.d"));
    }

    @Test
    void missingFileBehindGoodLinkIsNotDangling() throws IOException {
        Files.createSymbolicLink(root.resolve("var/run"), Path.of("/run"));

        assertThat(resolver.resolve("/var/run/other.sock"))
                .isEqualTo(new Resolution.NotFound(root.resolve("run/other.sock"), "/run/other.sock"));
    }

    @Test
    void missingPlainPathIsNotFound() {
        assertThat(resolver.resolve("/srv/data/../new"))
                .isEqualTo(new Resolution.NotFound(root.resolve("srv/new"), "/srv/new"));
    }

    @Test
    void fileUsedAsFolderIsUnreadable() {
        Resolution resolution = resolver.resolve("/etc/passwd/x");

        assertThat(resolution).isInstanceOf(Resolution.Unreadable.class);
        assertThat(((Resolution.Unreadable) resolution).path()).isEqualTo("/etc/passwd");
        assertThat(((Resolution.Unreadable) resolution).error()).isInstanceOf(NotDirectoryException.class);
    }

    @Test
    void relativeRequestRejected() {
        assertThatThrownBy(() -> resolver.resolve("srv/cfg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'srv/cfg' is relative");
    }

    private Resolution found(String underRoot, String hostPath) {
        return new Resolution.Found(root.resolve(underRoot), hostPath);
    }
}
