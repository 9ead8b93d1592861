package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Each container runs under a seccomp profile. A container's own {@code seccomp} security option decides; without
 * one, the engine's default profile from its {@code SecurityOptions} applies. Privileged containers fail, because
 * the engine applies no seccomp profile to them.
 */
public final class SeccompNotUnconfined extends ContainerCheck {

    @Override
    public String key() {
        return "seccomp-not-unconfined";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        Optional<SecurityOption> option = SecurityOption.last(container.securityOpt(), "seccomp");
        if (option.isPresent() && option.get().value().equals("unconfined")) {
            return Assessment.warn("HostConfig.SecurityOpt has '" + option.get().raw() + "'");
        }
        if (container.privileged()) {
            return Assessment.warn("HostConfig.Privileged is true, so the engine applies no seccomp profile");
        }
        if (option.isPresent()) {
            // The value of a custom profile is the whole profile JSON, so only its presence is reported.
            return Assessment.pass("HostConfig.SecurityOpt sets a custom seccomp profile");
        }
        return assessEngineDefault(context.engine().securityOptions());
    }

    private static Assessment assessEngineDefault(List<String> engineOptions) {
        if (engineOptions.isEmpty()) {
            return Assessment.pass("HostConfig.SecurityOpt has no seccomp entry and the engine reported no "
                    + "SecurityOptions, so the daemon's default profile is assumed");
        }
        for (String engineOption : engineOptions) {
            String profile = seccompProfile(engineOption);
            if (profile == null) {
                continue;
            }
            if (profile.equals("unconfined")) {
                return Assessment.warn("HostConfig.SecurityOpt has no seccomp entry and the engine's default "
                        + "seccomp profile is unconfined (engine API SecurityOptions: " + engineOption + ")");
            }
            return Assessment.pass("HostConfig.SecurityOpt has no seccomp entry, so the engine's seccomp profile '"
                    + profile + "' applies (engine API SecurityOptions)");
        }
        return Assessment.info("HostConfig.SecurityOpt has no seccomp entry and the engine's SecurityOptions list no "
                + "seccomp entry, so seccomp may be unavailable on this host; check by hand");
    }

    /**
     * Returns the profile of an engine security option such as {@code name=seccomp,profile=default}, {@code default}
     * for a seccomp entry without a profile, or {@code null} when the entry is not about seccomp.
     */
    private static @Nullable String seccompProfile(String engineOption) {
        boolean seccomp = false;
        String profile = "default";
        for (String part : engineOption.split(",")) {
            String trimmed = part.trim();
            if (trimmed.equals("name=seccomp")) {
                seccomp = true;
            } else if (trimmed.startsWith("profile=")) {
                profile = trimmed.substring("profile=".length());
            }
        }
        return seccomp ? profile : null;
    }
}
