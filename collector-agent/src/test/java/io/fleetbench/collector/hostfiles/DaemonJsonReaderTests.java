package io.fleetbench.collector.hostfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.collector.fixtures.EngineFixtures;
import io.fleetbench.collector.redaction.SecretDetector;
import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.SettingSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonJsonReaderTests {

    private static final String CONFIG_FILE = "/etc/docker/daemon.json";

    @TempDir
    Path hostRoot;

    @Test
    void missingFileIsNormal() {
        DaemonConfig config = new DaemonJsonReader(hostRoot, CONFIG_FILE).read();

        assertThat(config.configFile()).isEqualTo(CONFIG_FILE);
        assertThat(config.configFilePresent()).isFalse();
        assertThat(config.configFileError()).isNull();
        assertThat(config.settings()).isEmpty();
    }

    @Test
    void readsFileUnderHostRoot() throws IOException {
        writeDaemonJson(EngineFixtures.daemonJsonBytes(EngineFixtures.HARDENED_DAEMON_JSON));

        DaemonConfig config = new DaemonJsonReader(hostRoot, CONFIG_FILE).read();

        assertThat(config.configFile()).isEqualTo(CONFIG_FILE);
        assertThat(config.configFilePresent()).isTrue();
        assertThat(config.configFileError()).isNull();
        assertThat(config.settings()).containsOnlyKeys("icc", "userns-remap", "log-driver", "log-level",
                "no-new-privileges", "live-restore", "userland-proxy");
        assertThat(config.setting("icc")).isEqualTo(new DaemonSetting(false, SettingSource.DAEMON_JSON));
        assertThat(config.setting("userns-remap")).isEqualTo(new DaemonSetting("default", SettingSource.DAEMON_JSON));
        assertThat(config.setting("log-driver").value()).isEqualTo("syslog");
        assertThat(config.setting("no-new-privileges").value()).isEqualTo(true);
        assertThat(config.setting("live-restore").value()).isEqualTo(true);
        assertThat(config.setting("userland-proxy").value()).isEqualTo(false);
    }

    @Test
    void keepsListsMapsAndNumbers() {
        DaemonConfig config = EngineFixtures.daemonConfig(EngineFixtures.MISCONFIGURED_DAEMON_JSON);

        assertThat(config.setting("insecure-registries").value()).isEqualTo(List.of("registry.internal.example:5000"));
        assertThat(config.setting("hosts").value())
                .isEqualTo(List.of("unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"));
        assertThat(config.setting("default-ulimits").value())
                .isEqualTo(Map.of("nofile", Map.of("Name", "nofile", "Hard", 1048576L, "Soft", 1048576L)));
        assertThat(config.setting("icc").value()).isEqualTo(true);
        assertThat(config.setting("storage-driver").value()).isEqualTo("aufs");
    }

    @Test
    void invalidJsonRecordsErrorWithoutContent() {
        DaemonConfig config = EngineFixtures.daemonConfig(EngineFixtures.TRUNCATED_DAEMON_JSON);

        assertThat(config.configFilePresent()).isTrue();
        assertThat(config.configFileError()).startsWith("is not valid JSON: parsing failed at line");
        assertThat(config.settings()).isEmpty();
    }

    @Test
    void parserErrorNeverQuotesFile() {
        byte[] content = "{\"registry-mirrors\": [planted-unquoted-token]}".getBytes(StandardCharsets.UTF_8);

        DaemonConfig config = DaemonJsonReader.parse(CONFIG_FILE, content);

        assertThat(config.configFileError()).isNotNull().doesNotContain("planted-unquoted-token");
    }

    @Test
    void nonObjectRecordsError() {
        DaemonConfig config = DaemonJsonReader.parse(CONFIG_FILE, "[1, 2]".getBytes(StandardCharsets.UTF_8));

        assertThat(config.configFileError()).isEqualTo("is not a JSON object: its top level is ARRAY");
    }

    @Test
    void emptyFileHasNoSettings() throws IOException {
        writeDaemonJson(new byte[0]);

        DaemonConfig config = new DaemonJsonReader(hostRoot, CONFIG_FILE).read();

        assertThat(config.configFilePresent()).isTrue();
        assertThat(config.configFileError()).isNull();
        assertThat(config.settings()).isEmpty();
    }

    @Test
    void redactsSecretLookingValues() {
        String json = """
                {
                  "proxies": {
                    "http-proxy": "http://proxy-user:planted-proxy-password@proxy.internal:3128",
                    "no-proxy": "localhost"
                  },
                  "registry-password": "planted-registry-password",
                  "log-opts": {"max-size": "10m"}
                }
                """;

        DaemonConfig config = DaemonJsonReader.parse(CONFIG_FILE, json.getBytes(StandardCharsets.UTF_8));

        assertThat(config.setting("proxies").value()).isEqualTo(Map.of(
                "http-proxy", SecretDetector.REDACTED,
                "no-proxy", "localhost"));
        assertThat(config.setting("registry-password").value()).isEqualTo(SecretDetector.REDACTED);
        assertThat(config.setting("log-opts").value()).isEqualTo(Map.of("max-size", "10m"));
        assertThat(config.toString()).doesNotContain("planted");
    }

    @Test
    void nullValuesAreSkipped() {
        DaemonConfig config = DaemonJsonReader.parse(CONFIG_FILE,
                "{\"log-level\": null, \"debug\": false}".getBytes(StandardCharsets.UTF_8));

        assertThat(config.settings()).containsOnlyKeys("debug");
    }

    @Test
    void hostPathMustStayUnderRoot() {
        assertThatThrownBy(() -> new DaemonJsonReader(hostRoot, "/etc/../../outside.json").read())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/etc/../../outside.json")
                .hasMessageContaining("leaves the host root");
    }

    @Test
    void hostPathsResolveUnderRoot() {
        assertThat(HostPaths.resolve(Path.of("/host"), "/etc/docker/daemon.json"))
                .isEqualTo(Path.of("/host/etc/docker/daemon.json"));
        assertThat(HostPaths.resolve(Path.of("/"), "/etc/machine-id")).isEqualTo(Path.of("/etc/machine-id"));
        assertThatThrownBy(() -> HostPaths.resolve(Path.of("/"), "etc/machine-id"))
                .hasMessageContaining("'etc/machine-id' is relative");
    }

    private void writeDaemonJson(byte[] content) throws IOException {
        Path file = hostRoot.resolve("etc/docker/daemon.json");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}
