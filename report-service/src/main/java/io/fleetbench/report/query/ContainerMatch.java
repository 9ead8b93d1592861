package io.fleetbench.report.query;

import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.model.snapshot.PortBindingFacts;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One container, from its host's newest stored snapshot, that matches an incident-response query. The facts are as
 * old as that snapshot, which {@code snapshotAt} and {@code hostStale} state, because an offline host is included
 * with the last facts it sent.
 *
 * @param hostId stable host id
 * @param hostName display name of the host
 * @param snapshotSequence sequence of the snapshot the facts come from
 * @param snapshotAt collection time of that snapshot
 * @param hostStale whether that snapshot is older than {@code fleetbench.report.stale-after}
 * @param containerName container name
 * @param containerId engine id of the container
 * @param image image reference the container was created from
 * @param running whether the container was running
 * @param privileged whether it runs privileged
 * @param networkMode network mode, {@code host} for the host's namespace
 * @param pidMode PID namespace mode
 * @param ipcMode IPC namespace mode
 * @param utsMode UTS namespace mode
 * @param capAdd capabilities added
 * @param mounts mounts
 * @param ports published ports with their bind address
 * @param secretEnvNames names of environment variables that look like secrets set in plain text (never values)
 */
public record ContainerMatch(
        String hostId,
        String hostName,
        long snapshotSequence,
        Instant snapshotAt,
        boolean hostStale,
        String containerName,
        String containerId,
        String image,
        boolean running,
        boolean privileged,
        @Nullable String networkMode,
        @Nullable String pidMode,
        @Nullable String ipcMode,
        @Nullable String utsMode,
        List<String> capAdd,
        List<MountFacts> mounts,
        List<PortBindingFacts> ports,
        List<String> secretEnvNames) {
}
