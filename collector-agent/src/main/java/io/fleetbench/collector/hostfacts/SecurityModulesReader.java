package io.fleetbench.collector.hostfacts;

import io.fleetbench.collector.hostfiles.HostPaths;
import io.fleetbench.model.snapshot.SecurityModules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads which Linux security modules are active from the host's {@code /sys}. An agent in a container reads the
 * host's values only where the host's {@code /sys} is visible under the host root.
 */
final class SecurityModulesReader {

    private SecurityModulesReader() {
    }

    static SecurityModules read(Path hostRoot) {
        String lsm = readFirstLine(hostRoot, "/sys/kernel/security/lsm");
        List<String> active = lsm == null ? List.of()
                : Arrays.stream(lsm.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
        return new SecurityModules(active, appArmorEnabled(hostRoot, active), seLinuxMode(hostRoot));
    }

    /** Reads {@code Y} or {@code N} from the module parameter; falls back to the securityfs folder and the list. */
    private static @Nullable Boolean appArmorEnabled(Path hostRoot, List<String> active) {
        String enabled = readFirstLine(hostRoot, "/sys/module/apparmor/parameters/enabled");
        if (enabled != null) {
            return enabled.equalsIgnoreCase("Y");
        }
        if (Files.isDirectory(path(hostRoot, "/sys/kernel/security/apparmor")) || active.contains("apparmor")) {
            return true;
        }
        return Files.isDirectory(path(hostRoot, "/sys/module")) ? false : null;
    }

    /** Reads {@code 1} (enforcing) or {@code 0} (permissive) from selinuxfs; no selinuxfs means disabled. */
    private static @Nullable String seLinuxMode(Path hostRoot) {
        String enforce = readFirstLine(hostRoot, "/sys/fs/selinux/enforce");
        if (enforce != null) {
            return enforce.equals("1") ? "enforcing" : "permissive";
        }
        return Files.isDirectory(path(hostRoot, "/sys/fs")) ? "disabled" : null;
    }

    static @Nullable String readFirstLine(Path hostRoot, String hostPath) {
        try {
            Path file = HostPaths.resolveInRoot(hostRoot, hostPath, true);
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().map(String::strip)
                    .orElse("");
        } catch (IOException e) {
            return null;
        }
    }

    private static Path path(Path hostRoot, String hostPath) {
        return HostPaths.resolve(hostRoot, hostPath);
    }
}
