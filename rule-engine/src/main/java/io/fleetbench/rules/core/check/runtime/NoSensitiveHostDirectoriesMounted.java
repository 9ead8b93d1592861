package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.MountFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;
import java.util.ArrayList;
import java.util.List;

/**
 * No container mounts a sensitive host folder or anything below it. Read-only mounts count too, because reading
 * {@code /etc} or {@code /proc} already leaks credentials and host state. The reason names each mount's mode.
 */
public final class NoSensitiveHostDirectoriesMounted extends ContainerCheck {

    /** The folders CIS Docker Benchmark 1.6.0 lists as sensitive; only the root folder itself counts for {@code /}. */
    static final List<String> SENSITIVE_FOLDERS = List.of("/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr");

    @Override
    public String key() {
        return "no-sensitive-host-directories-mounted";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        List<String> offending = new ArrayList<>();
        for (MountFacts mount : container.mounts()) {
            String source = HostPaths.normalize(mount.source());
            if (source != null && isSensitive(source)) {
                offending.add(source + " at " + mount.destination() + (mount.readWrite() ? " (read-write)" : " (read-only)"));
            }
        }
        if (container.mounts().isEmpty()) {
            return Assessment.pass("the container has no mounts");
        }
        if (offending.isEmpty()) {
            return Assessment.pass("no mount has a sensitive host source (" + container.mounts().size()
                    + " checked in Mounts)");
        }
        return Assessment.warn("sensitive host paths mounted: " + String.join(", ", offending));
    }

    static boolean isSensitive(String normalizedSource) {
        for (String folder : SENSITIVE_FOLDERS) {
            boolean matches = folder.equals("/")
                    ? normalizedSource.equals("/")
                    : HostPaths.isSameOrBelow(normalizedSource, folder);
            if (matches) {
                return true;
            }
        }
        return false;
    }
}
