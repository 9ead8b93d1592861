package io.fleetbench.rules.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionFunctionsTests {

    @ParameterizedTest(name = "mode {0} within {1} is {2}")
    @CsvSource({"0644, 0644, true", "0600, 0644, true", "0606, 0644, false", "0660, 0644, false",
            "0400, 0444, true", "0755, 0644, false", "04755, 0755, false", "0000, 0400, true"})
    void comparesModesAsBits(String mode, String limit, boolean expected) {
        assertThat(ConditionFunctions.modeWithin(Long.parseLong(mode, 8), Long.parseLong(limit, 8)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} within {1} is {2}")
    @CsvSource({"/run/docker.sock, /var/run, true", "/var/run/docker.sock, /run, true", "/etc, /etc, true",
            "/etc/docker/, /etc, true", "/etcetera, /etc, false", "/srv/../proc//1, /proc, true",
            "relative/etc, /etc, false", "/anything, /, true"})
    void matchesPathsByPrefix(String path, String folder, boolean expected) {
        assertThat(ConditionFunctions.pathWithin(path, folder)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "/|/", "/etc|/etc", "/var/run/docker.sock|/var/run/docker.sock", "/.hidden/..x|/.hidden/..x",
            "/...|/...", " /etc|/etc", "/etc |/etc", "/etc/|/etc", "//etc|/etc", "/a/./b|/a/b", "/a/../b|/b",
            "/a/..|/", "/a/.|/a", "/..|/", "relative/etc|''", "''|''"})
    void normalizesPaths(String path, String expected) {
        assertThat(ConditionFunctions.normalize(path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-w /usr/bin/dockerd -p wa -k docker | /usr/bin/dockerd | true",
            "-a always,exit -F path=/run/containerd -F perm=war -k docker | /run/containerd | true",
            "-a always,exit -F dir=/var/lib/docker -F perm=war -k docker | /var/lib/docker/volumes | true",
            "-a never,exit -F dir=/var/lib/docker/overlay2 -k docker | /var/lib/docker/overlay2 | false",
            "-w /var/run/docker.sock -k docker | /run/docker.sock | true",
            "-w /usr/bin/dockerd-rootless.sh -k docker | /usr/bin/dockerd | false"})
    void findsAuditRuleOfPath(String rule, String path, boolean expected) {
        assertThat(ConditionFunctions.auditWatched(List.of(rule), path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "watch of {0} covers {1}: {2}")
    @CsvSource({"/etc/docker, /etc/docker/daemon.json, true", "/usr/bin/dockerd, /usr/bin/dockerd, true",
            "/var/run/docker.sock, /run/docker.sock, true", "/usr/bin/dockerd, /usr/bin/containerd, false"})
    void findsHostFactsWatchOfPath(String watched, String path, boolean expected) {
        List<Map<String, Object>> watches = List.of(Map.of("path", watched, "permissions", "wa", "source",
                "auditctl -l"));

        assertThat(ConditionFunctions.auditWatched(watches, path)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"postgres, postgres", "docker.io/library/postgres:16, postgres",
            "registry.example:5000/team/Redis:7@sha256:abc, redis", "bitnami/mariadb, mariadb"})
    void extractsImageName(String reference, String expected) {
        assertThat(ConditionFunctions.imageName(reference)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "port {0} is {1}")
    @CsvSource({"80, 80", "8080, 8080", "'', -1", "8000-8010, -1", "123456, -1"})
    void parsesHostPorts(String port, long expected) {
        assertThat(ConditionFunctions.portNumber(port)).isEqualTo(expected);
    }
}
