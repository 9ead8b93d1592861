package io.fleetbench.rules.core.check.daemon;

import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.NetworkFacts;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.BooleanValues;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.DaemonCheck;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Containers on the default bridge network cannot talk to each other. The running engine's bridge options decide,
 * because a daemon.json change takes effect only after a daemon restart; an engine without a default bridge passes.
 */
public final class DefaultBridgeTrafficRestricted extends DaemonCheck {

    static final String ENABLE_ICC_OPTION = "com.docker.network.bridge.enable_icc";
    static final String DEFAULT_BRIDGE_OPTION = "com.docker.network.bridge.default_bridge";

    @Override
    public String key() {
        return "default-bridge-traffic-restricted";
    }

    @Override
    protected Assessment assess(CheckContext context) {
        List<NetworkFacts> networks = context.networks();
        if (networks.isEmpty()) {
            // Every Linux engine has at least the host and none networks, so an empty list means the facts are missing.
            return Assessment.info("the snapshot lists no networks, so the default bridge could not be inspected"
                    + iccSettingNote(context, null));
        }
        Optional<NetworkFacts> defaultBridge = findDefaultBridge(networks);
        if (defaultBridge.isEmpty()) {
            return Assessment.pass("the engine has no default bridge network (none named bridge or marked "
                    + DEFAULT_BRIDGE_OPTION + "), so no container can use it");
        }
        NetworkFacts bridge = defaultBridge.get();
        String option = bridge.options().get(ENABLE_ICC_OPTION);
        if (option == null) {
            return Assessment.warn("default bridge network " + bridge.name() + " has no " + ENABLE_ICC_OPTION
                    + " option (engine API), so the engine default true applies" + iccSettingNote(context, true));
        }
        Optional<Boolean> enabled = BooleanValues.parse(option);
        if (enabled.isEmpty()) {
            return Assessment.warn("default bridge network " + bridge.name() + " has " + ENABLE_ICC_OPTION + "="
                    + option + " (engine API), which is not a boolean" + iccSettingNote(context, null));
        }
        String reason = "default bridge network " + bridge.name() + " has " + ENABLE_ICC_OPTION + "=" + option
                + " (engine API)" + iccSettingNote(context, enabled.get());
        return enabled.get() ? Assessment.warn(reason) : Assessment.pass(reason);
    }

    private static Optional<NetworkFacts> findDefaultBridge(List<NetworkFacts> networks) {
        Optional<NetworkFacts> marked = networks.stream()
                .filter(network -> "true".equals(network.options().get(DEFAULT_BRIDGE_OPTION)))
                .findFirst();
        if (marked.isPresent()) {
            return marked;
        }
        return networks.stream()
                .filter(network -> network.name().equals("bridge") && network.driver().equals("bridge"))
                .findFirst();
    }

    /**
     * Returns a note about daemon.json's {@code icc} key when it is set and disagrees with the running bridge, or
     * when the bridge could not be read.
     *
     * @param runningIcc the running bridge's setting, or {@code null} where unknown
     */
    private static String iccSettingNote(CheckContext context, @Nullable Boolean runningIcc) {
        DaemonSetting setting = context.daemonSetting("icc");
        if (setting == null) {
            return "";
        }
        Optional<Boolean> configured = BooleanValues.parse(setting.value());
        String source = context.describeSource(setting);
        if (runningIcc == null || configured.isEmpty()) {
            return ", and icc is " + setting.value() + " in " + source;
        }
        if (configured.get().equals(runningIcc)) {
            return "";
        }
        return ", but icc is " + configured.get() + " in " + source
                + ", which the running engine applies only after a daemon restart";
    }
}
