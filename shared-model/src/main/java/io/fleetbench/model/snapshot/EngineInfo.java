package io.fleetbench.model.snapshot;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the engine reports about itself through {@code /version} and {@code /info}.
 *
 * @param engineId the engine's own ID; not unique across cloned machines, so never used as the host id alone
 * @param serverVersion the engine version, such as {@code 20.10.24}
 * @param apiVersion the Engine API version the engine serves
 * @param operatingSystem the host's operating system as the engine reports it
 * @param kernelVersion the host kernel version
 * @param architecture the host architecture
 * @param storageDriver the storage driver, such as {@code overlay2}
 * @param dockerRootDir the engine's data root
 * @param loggingDriver the default logging driver for containers
 * @param cgroupDriver {@code cgroupfs} or {@code systemd}
 * @param cgroupVersion {@code 1} or {@code 2}
 * @param securityOptions entries such as {@code name=seccomp,profile=default} and {@code name=userns}
 * @param liveRestoreEnabled whether live restore is on, as the engine reports it
 * @param defaultRuntime the default OCI runtime
 * @param swarmNodeState the local node's swarm state: {@code inactive}, {@code active}, …
 * @param swarmManager whether the local node is a swarm manager
 * @param componentVersions versions of engine components, such as {@code containerd} and {@code runc}
 */
public record EngineInfo(
        String engineId,
        String serverVersion,
        String apiVersion,
        @Nullable String operatingSystem,
        @Nullable String kernelVersion,
        @Nullable String architecture,
        @Nullable String storageDriver,
        @Nullable String dockerRootDir,
        @Nullable String loggingDriver,
        @Nullable String cgroupDriver,
        @Nullable String cgroupVersion,
        List<String> securityOptions,
        @Nullable Boolean liveRestoreEnabled,
        @Nullable String defaultRuntime,
        @Nullable String swarmNodeState,
        @Nullable Boolean swarmManager,
        Map<String, String> componentVersions) {

    public EngineInfo {
        engineId = engineId == null ? "" : engineId;
        serverVersion = serverVersion == null ? "unknown" : serverVersion;
        apiVersion = apiVersion == null ? "unknown" : apiVersion;
        securityOptions = securityOptions == null ? List.of() : List.copyOf(securityOptions);
        componentVersions = componentVersions == null ? Map.of() : Map.copyOf(componentVersions);
    }
}
