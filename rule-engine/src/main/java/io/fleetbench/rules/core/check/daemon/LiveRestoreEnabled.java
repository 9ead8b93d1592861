package io.fleetbench.rules.core.check.daemon;

import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.BooleanValues;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.DaemonCheck;

/**
 * Containers keep running while the daemon restarts. The engine's own report decides; daemon.json is read only when
 * the engine does not report it.
 */
public final class LiveRestoreEnabled extends DaemonCheck {

    @Override
    public String key() {
        return "live-restore-enabled";
    }

    @Override
    protected Assessment assess(CheckContext context) {
        Boolean reported = context.engine().liveRestoreEnabled();
        if (reported == null) {
            return BooleanDaemonSetting.assess(context, "live-restore", true, false);
        }
        if (reported) {
            return Assessment.pass("LiveRestoreEnabled is true (engine API)");
        }
        if ("active".equalsIgnoreCase(context.engine().swarmNodeState())) {
            // NOTE: docker-bench-security passes this case because older engines rejected live restore in swarm
            // mode. This check does not know which engine versions accept both, so the verdict is INFO.
            return Assessment.info("LiveRestoreEnabled is false (engine API) and the node is in an active swarm, "
                    + "where older engines reject live restore. Decide by hand");
        }
        return Assessment.warn("LiveRestoreEnabled is false (engine API)" + pendingSettingNote(context));
    }

    /** Returns a note when daemon.json enables live restore but the running engine has not applied it yet. */
    private static String pendingSettingNote(CheckContext context) {
        DaemonSetting setting = context.daemonSetting("live-restore");
        if (setting == null || !BooleanValues.parse(setting.value()).orElse(false)) {
            return "";
        }
        return ", but live-restore is true in " + context.describeSource(setting)
                + ", which the running engine applies only after the daemon reloads its configuration";
    }
}
