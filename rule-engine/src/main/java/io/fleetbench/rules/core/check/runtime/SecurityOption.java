package io.fleetbench.rules.core.check.runtime;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a container's {@code HostConfig.SecurityOpt}, split the way the engine splits it: at the first
 * {@code =}, else at the first {@code :}, the older separator that engines still accept. A bare
 * {@code no-new-privileges} means {@code true}.
 *
 * @param name the option name, such as {@code seccomp} or {@code no-new-privileges}
 * @param value the option value, or empty for a bare option
 * @param raw the entry as the engine reported it
 */
record SecurityOption(String name, String value, String raw) {

    static SecurityOption parse(String raw) {
        int equals = raw.indexOf('=');
        int colon = raw.indexOf(':');
        int separator = equals >= 0 ? equals : colon;
        if (separator < 0) {
            String value = raw.equals("no-new-privileges") ? "true" : "";
            return new SecurityOption(raw, value, raw);
        }
        return new SecurityOption(raw.substring(0, separator), raw.substring(separator + 1), raw);
    }

    /** Returns the last entry named {@code name}, because the engine applies the entries in order. */
    static Optional<SecurityOption> last(List<String> securityOpt, String name) {
        SecurityOption found = null;
        for (String raw : securityOpt) {
            SecurityOption option = parse(raw);
            if (option.name().equals(name)) {
                found = option;
            }
        }
        return Optional.ofNullable(found);
    }
}
