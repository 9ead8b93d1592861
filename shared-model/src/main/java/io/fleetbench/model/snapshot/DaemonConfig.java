package io.fleetbench.model.snapshot;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The daemon's effective configuration, keyed by the daemon.json key name (for example {@code icc},
 * {@code userland-proxy}, {@code no-new-privileges}).
 *
 * @param configFile the daemon.json path the agent read, as seen on the host
 * @param configFilePresent whether that file exists
 * @param configFileError why the file could not be read or parsed, or {@code null}
 * @param settings the effective settings with their sources
 */
public record DaemonConfig(
        @Nullable String configFile,
        boolean configFilePresent,
        @Nullable String configFileError,
        Map<String, DaemonSetting> settings) {

    public DaemonConfig {
        settings = settings == null ? Map.of() : new TreeMap<>(settings);
    }

    /** Returns a configuration with no settings and no file. */
    public static DaemonConfig empty() {
        return new DaemonConfig(null, false, null, Map.of());
    }

    /** Returns the setting named {@code key}, or {@code null} where it is not set. */
    public @Nullable DaemonSetting setting(String key) {
        return settings.get(key);
    }
}
