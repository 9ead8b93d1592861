package io.fleetbench.rules.core.check.daemon;

import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.DaemonCheck;

/**
 * The daemon forwards published ports with kernel NAT rather than a userland proxy process. The engine API does not
 * report this setting, so only daemon.json and the command line decide it.
 */
public final class UserlandProxyDisabled extends DaemonCheck {

    @Override
    public String key() {
        return "userland-proxy-disabled";
    }

    @Override
    protected Assessment assess(CheckContext context) {
        return BooleanDaemonSetting.assess(context, "userland-proxy", false, true);
    }
}
