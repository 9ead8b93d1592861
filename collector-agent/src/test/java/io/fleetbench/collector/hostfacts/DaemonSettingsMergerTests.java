package io.fleetbench.collector.hostfacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetbench.model.snapshot.DaemonConfig;
import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.model.snapshot.SettingConflict;
import io.fleetbench.model.snapshot.SettingSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaemonSettingsMergerTests {

    private static final DaemonConfig DAEMON_JSON = new DaemonConfig("/etc/docker/daemon.json", true, null, Map.of(
            "icc", new DaemonSetting(false, SettingSource.DAEMON_JSON),
            "log-driver", new DaemonSetting("syslog", SettingSource.DAEMON_JSON),
            "live-restore", new DaemonSetting(true, SettingSource.DAEMON_JSON),
            "userland-proxy", new DaemonSetting(false, SettingSource.DAEMON_JSON),
            "authorization-plugin", new DaemonSetting("authz-broker", SettingSource.DAEMON_JSON)));

    @Test
    void commandLineWinsOverDaemonJson() {
        DaemonConfig merged = DaemonSettingsMerger.merge(DAEMON_JSON,
                Map.of("icc", true, "no-new-privileges", true), Map.of());

        assertThat(merged.setting("icc")).isEqualTo(new DaemonSetting(true, SettingSource.COMMAND_LINE));
        assertThat(merged.setting("no-new-privileges")).isEqualTo(new DaemonSetting(true, SettingSource.COMMAND_LINE));
        assertThat(merged.setting("userland-proxy")).isEqualTo(new DaemonSetting(false, SettingSource.DAEMON_JSON));
        assertThat(merged.conflicts()).containsExactly(
                new SettingConflict("icc", true, SettingSource.COMMAND_LINE, false, SettingSource.DAEMON_JSON));
    }

    @Test
    void engineReportWinsOverBoth() {
        DaemonConfig merged = DaemonSettingsMerger.merge(DAEMON_JSON, Map.of("log-driver", "journald"),
                Map.of("log-driver", "json-file", "live-restore", true, "storage-driver", "overlay2"));

        assertThat(merged.setting("log-driver")).isEqualTo(new DaemonSetting("json-file", SettingSource.ENGINE_API));
        assertThat(merged.setting("storage-driver"))
                .isEqualTo(new DaemonSetting("overlay2", SettingSource.ENGINE_API));
        assertThat(merged.setting("live-restore")).isEqualTo(new DaemonSetting(true, SettingSource.DAEMON_JSON));
        assertThat(merged.conflicts()).containsExactly(
                new SettingConflict("log-driver", "journald", SettingSource.COMMAND_LINE, "syslog",
                        SettingSource.DAEMON_JSON),
                new SettingConflict("log-driver", "json-file", SettingSource.ENGINE_API, "journald",
                        SettingSource.COMMAND_LINE));
    }

    @Test
    void ignoredKeysFlaggedButKept() {
        DaemonConfig merged = DaemonSettingsMerger.merge(DAEMON_JSON, Map.of(), Map.of());

        assertThat(merged.ignoredKeys()).isEqualTo(List.of("authorization-plugin"));
        assertThat(merged.setting("authorization-plugin").value()).isEqualTo("authz-broker");
        assertThat(merged.setting("authorization-plugins")).isNull();
        assertThat(merged.configFile()).isEqualTo("/etc/docker/daemon.json");
        assertThat(merged.configFilePresent()).isTrue();
    }
}
