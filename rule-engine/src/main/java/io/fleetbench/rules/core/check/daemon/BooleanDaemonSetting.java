package io.fleetbench.rules.core.check.daemon;

import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.BooleanValues;
import io.fleetbench.rules.core.check.CheckContext;
import java.util.Optional;

/** Assesses a boolean daemon setting against the value the benchmark expects, with the daemon default where unset. */
final class BooleanDaemonSetting {

    private BooleanDaemonSetting() {
    }

    /**
     * Assesses the daemon.json key {@code key}.
     *
     * @param expected the value that passes
     * @param daemonDefault the value dockerd uses when neither daemon.json nor the command line sets the key
     */
    static Assessment assess(CheckContext context, String key, boolean expected, boolean daemonDefault) {
        DaemonSetting setting = context.daemonSetting(key);
        if (setting == null) {
            String reason = key + " is not set in daemon.json or on the dockerd command line, so the daemon default "
                    + daemonDefault + " applies";
            return daemonDefault == expected ? Assessment.pass(reason) : Assessment.warn(reason);
        }
        String source = context.describeSource(setting);
        Optional<Boolean> value = BooleanValues.parse(setting.value());
        if (value.isEmpty()) {
            return Assessment.warn(key + " is '" + setting.value() + "' in " + source
                    + ", which is not a boolean. Set it to " + expected);
        }
        String reason = key + " is " + value.get() + " in " + source;
        return value.get() == expected ? Assessment.pass(reason) : Assessment.warn(reason);
    }
}
