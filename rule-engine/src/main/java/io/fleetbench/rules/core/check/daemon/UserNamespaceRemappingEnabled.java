package io.fleetbench.rules.core.check.daemon;

import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.DaemonCheck;
import java.util.List;

/**
 * The daemon maps container root to an unprivileged host user. The engine lists {@code name=userns} in its security
 * options when remapping is active, which decides; daemon.json's {@code userns-remap} is used only when the engine
 * reports no security options at all.
 */
public final class UserNamespaceRemappingEnabled extends DaemonCheck {

    @Override
    public String key() {
        return "user-namespace-remapping-enabled";
    }

    @Override
    protected Assessment assess(CheckContext context) {
        List<String> securityOptions = context.engine().securityOptions();
        boolean reportedActive = securityOptions.stream().anyMatch(UserNamespaceRemappingEnabled::isUsernsOption);
        if (reportedActive) {
            return Assessment.pass("the engine's SecurityOptions include name=userns (engine API)");
        }
        DaemonSetting setting = context.daemonSetting("userns-remap");
        String remap = setting == null ? "" : String.valueOf(setting.value()).trim();
        if (securityOptions.isEmpty()) {
            if (remap.isEmpty()) {
                return Assessment.warn("userns-remap is not set in daemon.json or on the dockerd command line, so "
                        + "the daemon default of no remapping applies");
            }
            return Assessment.pass("userns-remap is '" + remap + "' in " + context.describeSource(setting)
                    + ", and the engine reported no SecurityOptions that could confirm it is active");
        }
        if (remap.isEmpty()) {
            return Assessment.warn("the engine's SecurityOptions do not include name=userns (engine API) and "
                    + "userns-remap is not set");
        }
        return Assessment.warn("userns-remap is '" + remap + "' in " + context.describeSource(setting)
                + ", but the engine's SecurityOptions do not include name=userns (engine API), so it is not active");
    }

    private static boolean isUsernsOption(String option) {
        for (String part : option.split(",")) {
            if (part.trim().equals("name=userns")) {
                return true;
            }
        }
        return false;
    }
}
