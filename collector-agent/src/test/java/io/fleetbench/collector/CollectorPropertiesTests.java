package io.fleetbench.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetbench.model.event.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class CollectorPropertiesTests {

    @Test
    void defaultsApplyWithoutSettings() {
        CollectorProperties properties = bind(Map.of());

        assertThat(properties.dockerHost()).isEqualTo(URI.create("unix:///var/run/docker.sock"));
        assertThat(properties.hostRootPath()).isEqualTo(Path.of("/"));
        assertThat(properties.daemonConfigFile()).isEqualTo("/etc/docker/daemon.json");
        assertThat(properties.resyncInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.topic()).isEqualTo(Topics.HOST_SNAPSHOTS);
        assertThat(properties.labels()).isEmpty();
        assertThat(properties.hostName()).isNull();
        assertThat(properties.hostId()).isNull();
        assertThat(properties.stateDirPath()).isEqualTo(Path.of(System.getProperty("user.home"), ".fleetbench", "agent"));
    }

    @Test
    void settingsBindFromKebabCase() {
        CollectorProperties properties = bind(Map.of(
                "fleetbench.collector.docker-host", "tcp://127.0.0.1:2376",
                "fleetbench.collector.host-root", "/host",
                "fleetbench.collector.resync-interval", "30s",
                "fleetbench.collector.host-name", "web-01",
                "fleetbench.collector.labels.environment", "production",
                "fleetbench.collector.state-dir", "/var/lib/fleetbench-agent",
                "fleetbench.collector.host-id", "web-01.example"));

        assertThat(properties.dockerHost()).isEqualTo(URI.create("tcp://127.0.0.1:2376"));
        assertThat(properties.hostRootPath()).isEqualTo(Path.of("/host"));
        assertThat(properties.resyncInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.hostName()).isEqualTo("web-01");
        assertThat(properties.labels()).containsExactly(Map.entry("environment", "production"));
        assertThat(properties.stateDirPath()).isEqualTo(Path.of("/var/lib/fleetbench-agent"));
        assertThat(properties.hostId()).isEqualTo("web-01.example");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "docker-host | http://127.0.0.1:2375 | 'http://127.0.0.1:2375' is not supported",
            "daemon-config-file | etc/docker/daemon.json | 'etc/docker/daemon.json' is relative",
            "host-id | -bad id | fleetbench.collector.host-id '-bad id' is invalid",
            "resync-interval | 0s | resyncInterval",
    })
    void invalidSettingStopsStartup(String key, String value, String message) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(CollectorApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.config.name=" + CollectorApplication.CONFIG_NAME,
                        "fleetbench.collector." + key + "=" + value);

        assertThatThrownBy(application::run)
                .rootCause()
                .hasMessageContaining(message);
    }

    private static CollectorProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("fleetbench.collector", CollectorProperties.class);
    }
}
