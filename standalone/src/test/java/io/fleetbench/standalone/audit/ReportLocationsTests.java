package io.fleetbench.standalone.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportLocationsTests {

    @ParameterizedTest(name = "{0} is encoded as {1}")
    @CsvSource(delimiter = '|', value = {
            "sub/compose.yaml          | sub/compose.yaml",
            "deploy files/compose.yaml | deploy%20files/compose.yaml",
            "größe.yaml                | gr%C3%B6%C3%9Fe.yaml",
            "a:b/compose.yaml          | a%3Ab/compose.yaml",
            "100%.yaml                 | 100%25.yaml",
            "x#y?.yaml                 | x%23y%3F.yaml",
            "it's (v2)+old.yaml        | it's%20(v2)+old.yaml"})
    void pathIsPercentEncoded(String path, String expected) {
        assertThat(ReportLocations.encodePath(path)).isEqualTo(expected);
    }

    @Test
    void relativePathUsesForwardSlashes(@TempDir Path workingDirectory) {
        Path file = workingDirectory.resolve("deploy").resolve("prod").resolve("compose.yaml");

        assertThat(ReportLocations.relativePath(file, workingDirectory)).contains("deploy/prod/compose.yaml");
        assertThat(ReportLocations.relativePath(Path.of("deploy/prod/compose.yaml"), workingDirectory))
                .contains("deploy/prod/compose.yaml");
    }

    @Test
    void parentNamesAreRemoved(@TempDir Path workingDirectory) throws IOException {
        Files.createDirectories(workingDirectory.resolve("sub"));
        Path file = Files.writeString(workingDirectory.resolve("compose.yaml"), "services: {}\n");

        assertThat(ReportLocations.relativePath(workingDirectory.resolve("sub/../compose.yaml"), workingDirectory))
                .contains("compose.yaml");
        assertThat(ReportLocations.relativePath(file, workingDirectory.resolve("sub"))).isEmpty();
    }

    @Test
    void linkedFileIsNamedByLink(@TempDir Path folder) throws IOException {
        Path target = SarifSchemaTests.copyInsecure(folder.resolve("common/compose.yaml"));
        Path workingDirectory = Files.createDirectories(folder.resolve("checkout"));
        Path link = Files.createSymbolicLink(workingDirectory.resolve("compose.yaml"), target);

        assertThat(ReportLocations.relativePath(link, workingDirectory)).contains("compose.yaml");
        assertThat(ReportLocations.sarifUri(link, workingDirectory)).isEqualTo("compose.yaml");
        assertThat(ReportLocations.sarifUri(target, workingDirectory)).isEqualTo(target.toUri().toString());
    }

    @Test
    void linkedWorkingDirectoryMatchesByRealFolder(@TempDir Path folder) throws IOException {
        Path workingDirectory = Files.createDirectories(folder.resolve("checkout"));
        Path file = SarifSchemaTests.copyInsecure(workingDirectory.resolve("sub/compose.yaml"));
        Path linkToCheckout = Files.createSymbolicLink(folder.resolve("checkout-link"), workingDirectory);

        assertThat(ReportLocations.relativePath(linkToCheckout.resolve("sub/compose.yaml"), workingDirectory))
                .contains("sub/compose.yaml");
        assertThat(ReportLocations.relativePath(file, linkToCheckout)).contains("sub/compose.yaml");
    }

    @Test
    void junitPathOutsideStaysAsGiven(@TempDir Path folder) {
        Path workingDirectory = folder.resolve("checkout");
        Path outside = folder.resolve("elsewhere/compose.yaml");

        assertThat(ReportLocations.junitPath(outside, workingDirectory)).isEqualTo(outside.toString());
        assertThat(ReportLocations.junitPath(workingDirectory.resolve("a b/compose.yaml"), workingDirectory))
                .isEqualTo("a b/compose.yaml");
    }

    @Test
    void sourceRootEndsWithSlash(@TempDir Path folder) {
        assertThat(ReportLocations.folderUri(folder.resolve("not-created")).toString())
                .startsWith("file:///").endsWith("/not-created/");
    }

    @Test
    void junitFileIsRelativePath(@TempDir Path workingDirectory) throws IOException {
        Path file = SarifSchemaTests.copyInsecure(workingDirectory.resolve("sub/compose.yaml"));

        CommandLineRun run = CommandLineRun.in(workingDirectory, "audit", "compose", file.toString(), "--format",
                "junit", "--checks", "5.5");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("file=\"sub/compose.yaml\"");
        assertThat(run.out()).contains("fleetbench audit of sub/compose.yaml").contains("hostname=\"sub/compose.yaml\"");
        assertThat(run.out()).doesNotContain(workingDirectory.toString());
    }

    @Test
    void textAndJsonKeepPathAsGiven(@TempDir Path workingDirectory) throws IOException {
        Path file = SarifSchemaTests.copyInsecure(workingDirectory.resolve("sub/compose.yaml"));

        CommandLineRun text = CommandLineRun.in(workingDirectory, "audit", "compose", file.toString(), "--checks",
                "5.5", "--no-color");
        CommandLineRun json = CommandLineRun.in(workingDirectory, "audit", "compose", file.toString(), "--format",
                "json", "--checks", "5.5");

        assertThat(text.out()).contains("(" + file + ":5:5)");
        assertThat(json.out()).contains("\"uri\" : \"" + file + "\"");
    }
}
