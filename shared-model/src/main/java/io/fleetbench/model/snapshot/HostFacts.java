package io.fleetbench.model.snapshot;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Facts about the host around the engine that CIS Docker Benchmark sections 1 to 3 and 7 read: mounts, the
 * {@code docker} group, Linux security modules, audit rules, owners and modes of the Docker files, the running
 * dockerd and swarm state. Every path is as seen on the host, not under the agent's host root. File contents never
 * appear here.
 *
 * @param kernelRelease the kernel release from {@code /proc/sys/kernel/osrelease}, or {@code null} where unreadable
 * @param mounts the host's mount table
 * @param mountTableSource the file the mount table came from, or {@code null} where none could be read
 * @param dataRoot the engine's data root, such as {@code /var/lib/docker}
 * @param dataRootMountPoint the mount point of the file system that contains the data root
 * @param dataRootOnOwnPartition whether the data root is itself a mount point; {@code null} where the mount table
 *     or the data root is unknown
 * @param dockerGroup the {@code docker} group from the host's {@code /etc/group}, or {@code null} where it is absent
 * @param securityModules the active Linux security modules
 * @param auditRules the audit rules loaded in the kernel or configured on disk
 * @param files owner, group and mode of every file the benchmark names
 * @param dockerd the running dockerd process, or {@code null} where none was found
 * @param swarm the engine's swarm state, or {@code null} where it was not read
 * @param errors facts that could not be read, one sentence each, so that a missing fact is not mistaken for a
 *     passing one
 */
public record HostFacts(
        @Nullable String kernelRelease,
        List<MountEntry> mounts,
        @Nullable String mountTableSource,
        @Nullable String dataRoot,
        @Nullable String dataRootMountPoint,
        @Nullable Boolean dataRootOnOwnPartition,
        @Nullable GroupFacts dockerGroup,
        SecurityModules securityModules,
        AuditRules auditRules,
        List<FileFacts> files,
        @Nullable DockerdProcess dockerd,
        @Nullable SwarmFacts swarm,
        List<String> errors) {

    public HostFacts {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        securityModules = securityModules == null ? SecurityModules.unknown() : securityModules;
        auditRules = auditRules == null ? AuditRules.none() : auditRules;
        files = files == null ? List.of() : List.copyOf(files);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Returns a copy of these facts with {@code swarm} as the swarm state. */
    public HostFacts withSwarm(@Nullable SwarmFacts swarm) {
        return new HostFacts(kernelRelease, mounts, mountTableSource, dataRoot, dataRootMountPoint,
                dataRootOnOwnPartition, dockerGroup, securityModules, auditRules, files, dockerd, swarm, errors);
    }

    /** Returns the facts of the file at {@code path}, as seen on the host, or {@code null} where none were read. */
    public @Nullable FileFacts file(String path) {
        return files.stream().filter(file -> file.path().equals(path)).findFirst().orElse(null);
    }
}
