package io.fleetbench.rules.core.check.daemon;

import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.DaemonCheck;

/** The daemon sets no-new-privileges on every container unless the container opts out. */
public final class NoNewPrivilegesByDefault extends DaemonCheck {

    @Override
    public String key() {
        return "no-new-privileges-by-default";
    }

    @Override
    protected Assessment assess(CheckContext context) {
        return BooleanDaemonSetting.assess(context, "no-new-privileges", true, false);
    }
}
