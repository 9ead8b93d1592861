package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * No container adds Linux capabilities. Any entry in {@code HostConfig.CapAdd} is a finding, including one the
 * engine's default set already contains, because each is an explicit grant to review. docker-bench-security skips
 * default capabilities, so the reason names them to make them quick to drop.
 */
public final class NoAddedCapabilities extends ContainerCheck {

    /** The default capability set, as docker-bench-security's {@code tests/5_container_runtime.sh} lists it. */
    static final Set<String> ENGINE_DEFAULT_CAPABILITIES = Set.of(
            "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP",
            "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE");

    @Override
    public String key() {
        return "no-added-capabilities";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        List<String> added = container.capAdd().stream().map(NoAddedCapabilities::normalize).distinct().toList();
        if (added.isEmpty()) {
            return Assessment.pass("HostConfig.CapAdd is empty");
        }
        String reason = "capabilities added: " + String.join(", ", added);
        List<String> alreadyDefault = added.stream().filter(ENGINE_DEFAULT_CAPABILITIES::contains).toList();
        if (!alreadyDefault.isEmpty()) {
            reason += " (" + String.join(", ", alreadyDefault) + " already in the engine's default set)";
        }
        return Assessment.warn(reason);
    }

    /** Returns the capability name without the {@code CAP_} prefix, in upper case, as the engine accepts both. */
    static String normalize(String capability) {
        String upper = capability.trim().toUpperCase(Locale.ROOT);
        return upper.startsWith("CAP_") ? upper.substring(4) : upper;
    }
}
