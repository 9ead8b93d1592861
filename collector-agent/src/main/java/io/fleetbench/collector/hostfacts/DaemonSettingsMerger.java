package io.fleetbench.collector.hostfacts;

import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.SettingConflict;
import io.fleetbench.model.snapshot.SettingSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Merges the daemon's settings from its three sources into one {@link DaemonConfig}: daemon.json, the running
 * dockerd's command line, and what the engine reports. A flag wins over daemon.json, and the engine's report wins
 * over both for the settings it reports, because it shows what the daemon actually runs with. Every disagreement
 * is recorded as a {@link SettingConflict}. A setting on which two sources agree keeps the configured source, so a
 * rule can still tell where it was set.
 */
final class DaemonSettingsMerger {

    private DaemonSettingsMerger() {
    }

    /**
     * Merges the sources.
     *
     * @param daemonJson the settings read from daemon.json, with its file facts and error
     * @param commandLine the settings from dockerd's flags by daemon.json key; empty where no process was chosen
     * @param engineReport the settings the engine reports by daemon.json key
     */
    static DaemonConfig merge(
            DaemonConfig daemonJson, Map<String, Object> commandLine, Map<String, Object> engineReport) {
        Map<String, DaemonSetting> settings = new TreeMap<>(daemonJson.settings());
        List<SettingConflict> conflicts = new ArrayList<>();
        override(settings, conflicts, commandLine, SettingSource.COMMAND_LINE);
        override(settings, conflicts, engineReport, SettingSource.ENGINE_API);
        List<String> ignored = daemonJson.settings().keySet().stream()
                .filter(DockerdCommandLine::ignoredInDaemonJson)
                .sorted()
                .toList();
        return new DaemonConfig(daemonJson.configFile(), daemonJson.configFilePresent(), daemonJson.configFileError(),
                settings, conflicts, ignored);
    }

    private static void override(Map<String, DaemonSetting> settings, List<SettingConflict> conflicts,
            Map<String, Object> values, SettingSource source) {
        for (Map.Entry<String, Object> entry : new LinkedHashMap<>(values).entrySet()) {
            DaemonSetting existing = settings.get(entry.getKey());
            if (existing == null) {
                settings.put(entry.getKey(), new DaemonSetting(entry.getValue(), source));
            } else if (!Objects.equals(existing.value(), entry.getValue())) {
                conflicts.add(new SettingConflict(entry.getKey(), entry.getValue(), source, existing.value(),
                        existing.source()));
                settings.put(entry.getKey(), new DaemonSetting(entry.getValue(), source));
            }
        }
    }
}
