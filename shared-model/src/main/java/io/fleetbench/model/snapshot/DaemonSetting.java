package io.fleetbench.model.snapshot;

import java.util.Objects;

/**
 * One effective daemon setting.
 *
 * @param value the setting's value as JSON would carry it: a string, number, boolean, list or map
 * @param source where the value came from
 */
public record DaemonSetting(Object value, SettingSource source) {

    public DaemonSetting {
        Objects.requireNonNull(value, "daemon setting value is missing");
        Objects.requireNonNull(source, "daemon setting source is missing");
    }
}
