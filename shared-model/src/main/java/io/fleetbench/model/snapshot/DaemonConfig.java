package io.fleetbench.model.snapshot;

import java.util.List;
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
 * @param conflicts settings that two sources set to different values, with the value that lost
 * @param ignoredKeys daemon.json keys that dockerd ignores, such as {@code authorization-plugin} (the key is
 *     {@code authorization-plugins}); they stay in {@code settings} as written
 */
public record DaemonConfig(
        @Nullable String configFile,
        boolean configFilePresent,
        @Nullable String configFileError,
        Map<String, DaemonSetting> settings,
        List<SettingConflict> conflicts,
        List<String> ignoredKeys) {

    public DaemonConfig {
        settings = settings == null ? Map.of() : new TreeMap<>(settings);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        ignoredKeys = ignoredKeys == null ? List.of() : List.copyOf(ignoredKeys);
    }

    /** Creates a configuration without conflicts or ignored keys, as read from one source. */
    public DaemonConfig(
            @Nullable String configFile,
            boolean configFilePresent,
            @Nullable String configFileError,
            Map<String, DaemonSetting> settings) {
        this(configFile, configFilePresent, configFileError, settings, List.of(), List.of());
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
