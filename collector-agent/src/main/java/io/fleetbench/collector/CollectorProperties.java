package io.fleetbench.collector;

import io.fleetbench.model.event.HostDescriptor;
import io.fleetbench.model.event.Topics;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the collector agent. Kafka connection settings, including SASL and TLS, are Spring Boot's own
 * {@code spring.kafka.*} properties.
 *
 * @param dockerHost the engine's address: {@code unix:///var/run/docker.sock}, or {@code tcp://host:2376} with
 *     TLS settings from the {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} environment variables
 * @param hostRoot the folder in which the agent sees the host's root folder: {@code /} on the host, or the mount
 *     point of the host's {@code /} when the agent runs in a container. Every host file is read under it.
 * @param daemonConfigFile the daemon.json path as seen on the host, read under {@code hostRoot}
 * @param resyncInterval the time between two snapshots after the first one at start
 * @param engineTimeout the maximum wait for the engine to accept a connection or respond to one request
 * @param publishTimeout the maximum wait for Kafka to acknowledge one snapshot
 * @param topic the Kafka topic that receives snapshots
 * @param hostName the display name of the host; the engine's reported host name where empty
 * @param labels operator labels for grouping hosts, such as {@code environment: production}
 * @param stateDir the folder that keeps the host id and the snapshot sequence across restarts;
 *     {@code ~/.fleetbench/agent} where empty. Give each agent on one machine its own folder.
 * @param hostId a fixed host id that replaces the derived one, for hosts whose identity is managed elsewhere
 * @param runtimeEventTopic the Kafka topic that receives runtime events
 * @param eventDebounce the wait after an engine event for more events before a snapshot is collected
 * @param eventReconnectMaxBackoff the longest wait between two attempts to reconnect to the engine's event stream
 * @param recentEventsMaxCount the maximum number of runtime events carried inside each snapshot; 0 carries none
 * @param recentEventsMaxAge the maximum age of a runtime event carried inside a snapshot
 * @param spoolMaxSize the maximum size of the disk spool in {@code <stateDir>/spool}; a record that does not fit is
 *     dropped and counted
 * @param publishRetryMaxBackoff the longest wait before sending a record again after Kafka rejected it
 *
 * <p>The two folders are strings, not {@link Path}: Spring's conversion to {@code Path} tries a class path resource
 * first, so {@code /} would become the class path root.
 */
@ConfigurationProperties("fleetbench.collector")
@Validated
public record CollectorProperties(
        @DefaultValue("unix:///var/run/docker.sock") @NotNull URI dockerHost,
        @DefaultValue("/") @NotBlank String hostRoot,
        @DefaultValue("/etc/docker/daemon.json") @NotBlank String daemonConfigFile,
        @DefaultValue("5m") @NotNull @DurationMin(seconds = 1) Duration resyncInterval,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 100) Duration engineTimeout,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 100) Duration publishTimeout,
        @DefaultValue(Topics.HOST_SNAPSHOTS) @NotBlank String topic,
        @Nullable String hostName,
        @DefaultValue Map<String, String> labels,
        String stateDir,
        @Nullable String hostId,
        @DefaultValue(Topics.RUNTIME_EVENTS) @NotBlank String runtimeEventTopic,
        @DefaultValue("200ms") @NotNull @DurationMin(millis = 0) Duration eventDebounce,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 100) Duration eventReconnectMaxBackoff,
        @DefaultValue("100") @Min(0) int recentEventsMaxCount,
        @DefaultValue("1h") @NotNull Duration recentEventsMaxAge,
        @DefaultValue("256MB") @NotNull DataSize spoolMaxSize,
        @DefaultValue("30s") @NotNull @DurationMin(millis = 100) Duration publishRetryMaxBackoff) {

    private static final Set<String> DOCKER_HOST_SCHEMES = Set.of("unix", "tcp");

    public CollectorProperties {
        if (dockerHost != null && !DOCKER_HOST_SCHEMES.contains(dockerHost.getScheme())) {
            throw new IllegalArgumentException("fleetbench.collector.docker-host '" + dockerHost
                    + "' is not supported: use unix:///path/to/docker.sock or tcp://host:port");
        }
        if (daemonConfigFile != null && !daemonConfigFile.startsWith("/")) {
            throw new IllegalArgumentException("fleetbench.collector.daemon-config-file '" + daemonConfigFile
                    + "' is relative: give the absolute path as seen on the host, such as /etc/docker/daemon.json");
        }
        if (hostId != null && !hostId.isBlank() && !HostDescriptor.ID_PATTERN.matcher(hostId).matches()) {
            throw new IllegalArgumentException("fleetbench.collector.host-id '" + hostId + "' is invalid: use 1 to"
                    + " 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        if (spoolMaxSize != null && spoolMaxSize.toBytes() < DataSize.ofMegabytes(1).toBytes()) {
            throw new IllegalArgumentException("fleetbench.collector.spool-max-size '" + spoolMaxSize
                    + "' is too small: give 1MB or more, and more than the largest snapshot");
        }
        hostName = hostName == null || hostName.isBlank() ? null : hostName;
        hostId = hostId == null || hostId.isBlank() ? null : hostId;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        // The binder passes null for an unset folder; the default depends on the user's home, so it is set here.
        stateDir = stateDir == null || stateDir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".fleetbench", "agent").toString()
                : stateDir;
    }

    /** Returns {@link #hostRoot()} as a path. */
    public Path hostRootPath() {
        return Path.of(hostRoot);
    }

    /** Returns the spool folder inside the state folder. */
    public Path spoolDirPath() {
        return stateDirPath().resolve("spool");
    }

    /** Returns {@link #stateDir()} as a path. */
    public Path stateDirPath() {
        return Path.of(stateDir);
    }
}
