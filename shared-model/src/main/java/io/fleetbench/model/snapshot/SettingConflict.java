package io.fleetbench.model.snapshot;

import java.util.Objects;

/**
 * Two sources that set one daemon setting to different values. dockerd refuses to start when a flag and daemon.json
 * set the same key, so such a conflict usually means daemon.json changed after the daemon started.
 *
 * @param key the daemon.json key
 * @param effectiveValue the value in {@link DaemonConfig#settings()}
 * @param effectiveSource where the effective value came from
 * @param overriddenValue the value that lost
 * @param overriddenSource where the losing value came from
 */
public record SettingConflict(
        String key,
        Object effectiveValue,
        SettingSource effectiveSource,
        Object overriddenValue,
        SettingSource overriddenSource) {

    public SettingConflict {
        Objects.requireNonNull(key, "conflict key is missing");
        Objects.requireNonNull(effectiveValue, "effective value is missing");
        Objects.requireNonNull(effectiveSource, "effective source is missing");
        Objects.requireNonNull(overriddenValue, "overridden value is missing");
        Objects.requireNonNull(overriddenSource, "overridden source is missing");
    }
}
