package io.fleetbench.rules.core.check.runtime;

import io.fleetbench.model.snapshot.ContainerFacts;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.BooleanValues;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.ContainerCheck;
import java.util.Optional;

/**
 * Each container's processes cannot gain privileges through setuid binaries. The engine starts from the daemon's
 * {@code no-new-privileges} setting and lets the container's own {@code no-new-privileges} security option override
 * it, so {@code no-new-privileges:false} fails even where the daemon enables it.
 */
public final class NoNewPrivilegesInContainers extends ContainerCheck {

    @Override
    public String key() {
        return "no-new-privileges-in-containers";
    }

    @Override
    protected Assessment assess(ContainerFacts container, CheckContext context) {
        Optional<SecurityOption> option = SecurityOption.last(container.securityOpt(), "no-new-privileges");
        if (option.isPresent()) {
            String raw = option.get().raw();
            Optional<Boolean> enabled = BooleanValues.parse(option.get().value());
            if (enabled.isEmpty()) {
                return Assessment.warn("HostConfig.SecurityOpt has '" + raw + "', whose value is not a boolean");
            }
            String reason = "HostConfig.SecurityOpt has '" + raw + "'";
            return enabled.get() ? Assessment.pass(reason) : Assessment.warn(reason);
        }
        DaemonSetting daemonDefault = context.daemonSetting("no-new-privileges");
        Optional<Boolean> daemonEnabled = daemonDefault == null
                ? Optional.empty()
                : BooleanValues.parse(daemonDefault.value());
        if (daemonEnabled.orElse(false)) {
            return Assessment.pass("HostConfig.SecurityOpt has no no-new-privileges entry and no-new-privileges is "
                    + "true in " + context.describeSource(daemonDefault));
        }
        return Assessment.warn("HostConfig.SecurityOpt has no no-new-privileges entry and the daemon does not set "
                + "no-new-privileges");
    }
}
