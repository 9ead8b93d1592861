package io.fleetbench.model.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The security-relevant configuration of one container, from {@code docker inspect}. Optional numbers are
 * {@code null} where the engine omits them; a zero limit means no limit, as the engine reports it.
 *
 * @param id the container id
 * @param name the container name without the leading slash
 * @param image the image reference the container was created from
 * @param imageId the image id
 * @param created when the container was created
 * @param state the engine's state: {@code created}, {@code running}, {@code exited}, …
 * @param running whether the container is running
 * @param user the configured user, empty for the image default
 * @param privileged whether the container runs privileged
 * @param networkMode the network mode, such as {@code host} or a network name
 * @param pidMode the PID namespace mode, {@code host} to share the host's
 * @param ipcMode the IPC namespace mode
 * @param utsMode the UTS namespace mode
 * @param usernsMode the user namespace mode
 * @param cgroupnsMode the cgroup namespace mode
 * @param readonlyRootfs whether the root filesystem is read-only
 * @param capAdd capabilities added
 * @param capDrop capabilities dropped
 * @param securityOpt security options, such as {@code no-new-privileges:true} or {@code seccomp=unconfined}
 * @param memoryBytes the memory limit in bytes, 0 for none
 * @param cpuShares the relative CPU weight, 0 for the default of 1024
 * @param nanoCpus the CPU quota in billionths of a CPU, 0 for none
 * @param pidsLimit the PIDs limit, {@code null}, 0 or -1 for none
 * @param mounts the container's mounts
 * @param ports the published ports
 * @param env the environment variables, names only
 * @param labels the container labels; secret-looking values are redacted
 * @param restartPolicy the restart policy name
 * @param restartMaxRetries the maximum retry count of an {@code on-failure} policy
 * @param healthcheckConfigured whether a health check is configured
 * @param apparmorProfile the AppArmor profile
 * @param cgroupParent the parent cgroup
 * @param devices host devices mapped into the container
 * @param networks the names of the networks the container is attached to
 * @param logDriver the container's logging driver
 */
public record ContainerFacts(
        String id,
        String name,
        String image,
        @Nullable String imageId,
        @Nullable Instant created,
        String state,
        boolean running,
        @Nullable String user,
        boolean privileged,
        @Nullable String networkMode,
        @Nullable String pidMode,
        @Nullable String ipcMode,
        @Nullable String utsMode,
        @Nullable String usernsMode,
        @Nullable String cgroupnsMode,
        boolean readonlyRootfs,
        List<String> capAdd,
        List<String> capDrop,
        List<String> securityOpt,
        @Nullable Long memoryBytes,
        @Nullable Long cpuShares,
        @Nullable Long nanoCpus,
        @Nullable Long pidsLimit,
        List<MountFacts> mounts,
        List<PortBindingFacts> ports,
        List<EnvVariable> env,
        Map<String, String> labels,
        @Nullable String restartPolicy,
        @Nullable Integer restartMaxRetries,
        boolean healthcheckConfigured,
        @Nullable String apparmorProfile,
        @Nullable String cgroupParent,
        List<String> devices,
        List<String> networks,
        @Nullable String logDriver) {

    public ContainerFacts {
        Objects.requireNonNull(id, "container id is missing");
        Objects.requireNonNull(name, "container name is missing");
        image = image == null ? "" : image;
        state = state == null ? "unknown" : state;
        capAdd = capAdd == null ? List.of() : List.copyOf(capAdd);
        capDrop = capDrop == null ? List.of() : List.copyOf(capDrop);
        securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        ports = ports == null ? List.of() : List.copyOf(ports);
        env = env == null ? List.of() : List.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        devices = devices == null ? List.of() : List.copyOf(devices);
        networks = networks == null ? List.of() : List.copyOf(networks);
    }
}
