package io.fleetbench.collector.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.collector.redaction.SecretDetector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerdCommandLineTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--icc=false                          | icc                   | false",
        "--icc                                | icc                   | true",
        "--no-new-privileges                  | no-new-privileges     | true",
        "--tlsverify                          | tlsverify             | true",
        "--live-restore=true                  | live-restore          | true",
        "--userns-remap default               | userns-remap          | default",
        "--userns-remap=default               | userns-remap          | default",
        "--log-driver syslog                  | log-driver            | syslog",
        "-l warn                              | log-level             | warn",
        "-s overlay2                          | storage-driver        | overlay2",
        "--data-root /srv/docker              | data-root             | /srv/docker",
        "--authorization-plugin authz-broker  | authorization-plugins | [authz-broker]",
        "-H fd://                             | hosts                 | [fd://]",
        "-Hunix:///run/a.sock                 | hosts                 | [unix:///run/a.sock]",
        "--insecure-registry 10.0.0.0/8       | insecure-registries   | [10.0.0.0/8]",
        "--log-opt max-size=10m               | log-opts              | {max-size=10m}",
        "--default-ulimit nofile=1024:2048    | default-ulimits       | {nofile=1024:2048}",
        "--mtu 1400                           | mtu                   | 1400",
        "--seccomp-profile /etc/seccomp.json  | seccomp-profile       | /etc/seccomp.json",
    })
    void flagMapsToDaemonJsonKey(String arguments, String key, String value) {
        DockerdCommandLine commandLine = DockerdCommandLine.parse(List.of(arguments.split(" ")));

        assertThat(commandLine.settings()).containsOnlyKeys(key);
        assertThat(commandLine.settings().get(key)).hasToString(value);
        assertThat(commandLine.unknownFlags()).isEmpty();
    }

    @Test
    void repeatedFlagsCollectInOrder() {
        DockerdCommandLine commandLine = DockerdCommandLine.parse(List.of("-H", "unix:///var/run/docker.sock",
                "--host=tcp://0.0.0.0:2376", "--authorization-plugin=one", "--authorization-plugin", "two"));

        assertThat(commandLine.hosts()).containsExactly("unix:///var/run/docker.sock", "tcp://0.0.0.0:2376");
        assertThat(commandLine.settings().get("hosts"))
                .isEqualTo(List.of("unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"));
        assertThat(commandLine.settings().get("authorization-plugins")).isEqualTo(List.of("one", "two"));
    }

    @Test
    void configFileIsNoSetting() {
        DockerdCommandLine commandLine =
                DockerdCommandLine.parse(List.of("--config-file", "/srv/daemon.json", "--debug"));

        assertThat(commandLine.configFile()).isEqualTo("/srv/daemon.json");
        assertThat(commandLine.settings()).isEqualTo(Map.of("debug", true));
    }

    @Test
    void unknownFlagsKeptUnderOwnName() {
        DockerdCommandLine commandLine =
                DockerdCommandLine.parse(List.of("--future-flag", "value", "--future-switch", "--icc=false"));

        assertThat(commandLine.unknownFlags()).containsExactly("future-flag", "future-switch");
        assertThat(commandLine.settings()).containsEntry("future-flag", "value").containsEntry("future-switch", true)
                .containsEntry("icc", false);
    }

    @Test
    void secretValuesRedacted() {
        DockerdCommandLine commandLine = DockerdCommandLine.parse(List.of("--registry-mirror",
                "https://user:hunter2hunter2@mirror.example.com", "--log-opt", "splunk-token=8f3a9c1d2b7e4f60"));

        assertThat(commandLine.settings().get("registry-mirrors")).isEqualTo(List.of(SecretDetector.REDACTED));
        assertThat(commandLine.settings().get("log-opts")).isEqualTo(Map.of("splunk-token", SecretDetector.REDACTED));
        assertThat(commandLine.arguments()).containsExactly("--registry-mirror", SecretDetector.REDACTED,
                "--log-opt", "splunk-token=" + SecretDetector.REDACTED);
        assertThat(String.join(" ", commandLine.arguments())).doesNotContain("hunter2", "8f3a9c1d2b7e4f60");
    }

    @Test
    void missingValueNamesFlag() {
        assertThatThrownBy(() -> DockerdCommandLine.parse(List.of("--icc=false", "--log-driver")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dockerd flag '--log-driver' has no value");
        assertThatThrownBy(() -> DockerdCommandLine.parse(List.of("--mtu", "big")))
                .hasMessage("dockerd flag '--mtu' has the value 'big', which is not an integer");
    }

    @Test
    void singularKeysIgnoredInDaemonJson() {
        assertThat(DockerdCommandLine.ignoredInDaemonJson("authorization-plugin")).isTrue();
        assertThat(DockerdCommandLine.ignoredInDaemonJson("log-opt")).isTrue();
        assertThat(DockerdCommandLine.ignoredInDaemonJson("host")).isTrue();
        assertThat(DockerdCommandLine.ignoredInDaemonJson("authorization-plugins")).isFalse();
        assertThat(DockerdCommandLine.ignoredInDaemonJson("dns")).isFalse();
        assertThat(DockerdCommandLine.ignoredInDaemonJson("icc")).isFalse();
    }
}
