package io.fleetbench.model.snapshot;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Linux security modules active on the host.
 *
 * @param active the modules the kernel lists in {@code /sys/kernel/security/lsm}, such as {@code apparmor}; empty
 *     where that file is unreadable
 * @param appArmorEnabled whether AppArmor is enabled, from {@code /sys/module/apparmor/parameters/enabled} or the
 *     presence of {@code /sys/kernel/security/apparmor}; {@code null} where neither could be read
 * @param seLinuxMode {@code enforcing} or {@code permissive} from {@code /sys/fs/selinux/enforce}, {@code disabled}
 *     where SELinux is not mounted, or {@code null} where unknown
 */
public record SecurityModules(List<String> active, @Nullable Boolean appArmorEnabled, @Nullable String seLinuxMode) {

    public SecurityModules {
        active = active == null ? List.of() : List.copyOf(active);
    }

    /** Returns facts with nothing known. */
    public static SecurityModules unknown() {
        return new SecurityModules(List.of(), null, null);
    }
}
