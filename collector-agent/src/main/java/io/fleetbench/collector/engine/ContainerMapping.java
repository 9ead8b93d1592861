package io.fleetbench.collector.engine;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.Device;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.NetworkSettings;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import io.fleetbench.collector.redaction.SecretDetector;
import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.model.snapshot.PortBindingFacts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Maps one {@code docker inspect} response to {@link ContainerFacts}, dropping every environment value. */
final class ContainerMapping {

    private static final Comparator<PortBindingFacts> PORT_ORDER = Comparator
            .comparing(PortBindingFacts::containerPort)
            .thenComparing(port -> Objects.toString(port.hostIp(), ""))
            .thenComparing(port -> Objects.toString(port.hostPort(), ""));

    private ContainerMapping() {
    }

    /**
     * Maps {@code container}, with each bind mount's resolved source set by {@code bindSources}, or with bind sources
     * as the engine reports them where it is {@code null}.
     */
    static ContainerFacts map(InspectContainerResponse container, @Nullable BindSourceResolver bindSources) {
        Objects.requireNonNull(container.getId(), "container inspect response has no Id");
        ContainerConfig config = container.getConfig() == null ? new ContainerConfig() : container.getConfig();
        HostConfig host = container.getHostConfig() == null ? HostConfig.newHostConfig() : container.getHostConfig();
        InspectContainerResponse.ContainerState state = container.getState();
        boolean running = state != null && Boolean.TRUE.equals(state.getRunning());
        RestartPolicy restartPolicy = host.getRestartPolicy();
        String name = containerName(container);
        List<MountFacts> mounts = mounts(container);
        if (bindSources != null) {
            mounts = bindSources.resolve(name, mounts);
        }

        return new ContainerFacts(
                container.getId(),
                name,
                config.getImage(),
                container.getImageId(),
                RawValues.timestamp(container.getCreated()),
                state == null ? null : state.getStatus(),
                running,
                config.getUser(),
                Boolean.TRUE.equals(host.getPrivileged()),
                host.getNetworkMode(),
                host.getPidMode(),
                host.getIpcMode(),
                host.getUtSMode(),
                host.getUsernsMode(),
                host.getCgroupnsMode(),
                Boolean.TRUE.equals(host.getReadonlyRootfs()),
                capabilities(container, "CapAdd", host.getCapAdd()),
                capabilities(container, "CapDrop", host.getCapDrop()),
                host.getSecurityOpts(),
                host.getMemory(),
                host.getCpuShares() == null ? null : host.getCpuShares().longValue(),
                host.getNanoCPUs(),
                host.getPidsLimit(),
                mounts,
                ports(running, container.getNetworkSettings(), host),
                SecretDetector.toEnvVariables(config.getEnv()),
                SecretDetector.redactLabels(config.getLabels()),
                restartPolicy == null ? null : restartPolicy.getName(),
                restartPolicy == null ? null : restartPolicy.getMaximumRetryCount(),
                healthcheckConfigured(config.getHealthcheck()),
                RawValues.string(container, "AppArmorProfile"),
                host.getCgroupParent(),
                devices(host.getDevices()),
                networks(container.getNetworkSettings()),
                logDriver(container, host));
    }

    /** Returns the name without the Engine API's leading slash, or the id where the response has no name. */
    static String containerName(InspectContainerResponse container) {
        String name = container.getName();
        if (name == null || name.isBlank()) {
            return container.getId();
        }
        return name.startsWith("/") ? name.substring(1) : name;
    }

    /**
     * Returns health check presence: a check with a command, not disabled with {@code NONE}. The container's
     * configuration already includes a check inherited from its image.
     */
    static boolean healthcheckConfigured(@Nullable HealthCheck healthcheck) {
        if (healthcheck == null || healthcheck.getTest() == null || healthcheck.getTest().isEmpty()) {
            return false;
        }
        return !"NONE".equals(healthcheck.getTest().get(0));
    }

    /**
     * Returns capability names in upper case without the {@code CAP_} prefix, which the engine keeps as the user
     * typed it. Reads the raw strings first, so a capability newer than docker-java's enum is kept.
     */
    private static List<String> capabilities(
            InspectContainerResponse container, String key, Capability @Nullable [] typed) {
        List<String> names = new ArrayList<>();
        if (RawValues.at(container, "HostConfig", key) instanceof List<?> raw) {
            raw.stream().filter(String.class::isInstance).map(String.class::cast).forEach(names::add);
        } else if (typed != null) {
            Arrays.stream(typed).filter(Objects::nonNull).map(Capability::name).forEach(names::add);
        }
        return names.stream()
                .map(name -> name.toUpperCase(Locale.ROOT))
                .map(name -> name.startsWith("CAP_") ? name.substring(4) : name)
                .toList();
    }

    /**
     * Reads mounts from the raw {@code Mounts} array, because docker-java's mount model lacks {@code Type} and
     * {@code Propagation}; falls back to the typed model, where a named mount is a volume.
     */
    private static List<MountFacts> mounts(InspectContainerResponse container) {
        List<Map<?, ?>> raw = RawValues.objects(container, "Mounts");
        if (!raw.isEmpty()) {
            return raw.stream()
                    .map(mount -> new MountFacts(
                            Objects.requireNonNullElse(RawValues.string(mount, "Type"), "bind"),
                            RawValues.string(mount, "Source"),
                            Objects.requireNonNullElse(RawValues.string(mount, "Destination"), ""),
                            Boolean.TRUE.equals(RawValues.bool(mount, "RW")),
                            emptyToNull(RawValues.string(mount, "Propagation"))))
                    .toList();
        }
        if (container.getMounts() == null) {
            return List.of();
        }
        return container.getMounts().stream()
                .map(mount -> new MountFacts(
                        mount.getName() == null ? "bind" : "volume",
                        mount.getSource(),
                        mount.getDestination() == null ? "" : mount.getDestination().getPath(),
                        Boolean.TRUE.equals(mount.getRW()),
                        null))
                .toList();
    }

    /**
     * Returns the ports bound on the host. A running container reports its actual bindings, including ports the
     * engine chose; a stopped or created one only has the bindings it asked for.
     */
    private static List<PortBindingFacts> ports(boolean running, @Nullable NetworkSettings network, HostConfig host) {
        Ports ports = running && network != null && network.getPorts() != null
                ? network.getPorts()
                : host.getPortBindings();
        if (ports == null || ports.getBindings() == null) {
            return List.of();
        }
        List<PortBindingFacts> facts = new ArrayList<>();
        for (Map.Entry<ExposedPort, Ports.Binding[]> entry : ports.getBindings().entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            for (Ports.Binding binding : entry.getValue()) {
                facts.add(new PortBindingFacts(entry.getKey().toString(), binding.getHostIp(),
                        binding.getHostPortSpec()));
            }
        }
        facts.sort(PORT_ORDER);
        return facts;
    }

    private static List<String> devices(Device @Nullable [] devices) {
        if (devices == null) {
            return List.of();
        }
        return Arrays.stream(devices)
                .filter(Objects::nonNull)
                .map(device -> device.getPathOnHost() + ":" + device.getPathInContainer() + ":"
                        + device.getcGroupPermissions())
                .toList();
    }

    private static List<String> networks(@Nullable NetworkSettings network) {
        if (network == null || network.getNetworks() == null) {
            return List.of();
        }
        return network.getNetworks().keySet().stream().sorted().toList();
    }

    /** Reads the raw log driver name first, because docker-java maps it to an enum that lacks third-party drivers. */
    private static @Nullable String logDriver(InspectContainerResponse container, HostConfig host) {
        String raw = RawValues.string(container, "HostConfig", "LogConfig", "Type");
        if (raw != null) {
            return raw;
        }
        if (host.getLogConfig() == null || host.getLogConfig().getType() == null) {
            return null;
        }
        return host.getLogConfig().getType().getType();
    }

    private static @Nullable String emptyToNull(@Nullable String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
