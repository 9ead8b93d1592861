package io.fleetbench.rules.core.check.daemon;

import io.fleetbench.model.snapshot.DaemonSetting;
import io.fleetbench.rules.core.check.Assessment;
import io.fleetbench.rules.core.check.CheckContext;
import io.fleetbench.rules.core.check.DaemonCheck;
import java.util.Map;
import java.util.Set;

/**
 * The daemon's default logging driver ships container logs off the host. The engine's reported driver decides;
 * daemon.json's {@code log-driver} is used only when the engine does not report one.
 */
public final class RemoteLoggingConfigured extends DaemonCheck {

    /** The daemon's logging driver when nothing sets one, as of Docker Engine 20.10. */
    static final String DAEMON_DEFAULT_DRIVER = "json-file";

    /** Drivers that keep logs in files on the host. */
    private static final Set<String> HOST_FILE_DRIVERS = Set.of("json-file", "local");

    @Override
    public String key() {
        return "remote-logging-configured";
    }

    @Override
    protected Assessment assess(CheckContext context) {
        String reported = context.engine().loggingDriver();
        String driver;
        String source;
        if (reported != null && !reported.isBlank()) {
            driver = reported;
            source = "LoggingDriver is " + reported + " (engine API)";
        } else {
            DaemonSetting setting = context.daemonSetting("log-driver");
            if (setting == null) {
                driver = DAEMON_DEFAULT_DRIVER;
                source = "log-driver is not set in daemon.json or on the dockerd command line, so the daemon default "
                        + DAEMON_DEFAULT_DRIVER + " applies";
            } else {
                driver = String.valueOf(setting.value());
                source = "log-driver is " + driver + " in " + context.describeSource(setting);
            }
        }
        Assessment assessment = assessDriver(driver, source, context);
        String note = reported == null || reported.isBlank() ? "" : pendingSettingNote(context, reported);
        return note.isEmpty() ? assessment : assessment.withNote(note);
    }

    private static Assessment assessDriver(String driver, String source, CheckContext context) {
        if (HOST_FILE_DRIVERS.contains(driver)) {
            return Assessment.warn(source + ", which keeps container logs in files on the host only");
        }
        if (driver.equals("none")) {
            return Assessment.warn(source + ", which discards container logs");
        }
        if (driver.equals("journald")) {
            return Assessment.info(source + ", which keeps logs in the host's journal unless the journal is "
                    + "forwarded; check the forwarding by hand");
        }
        if (driver.equals("syslog") && !hasLogOption(context, "syslog-address")) {
            return Assessment.info(source + " without a syslog-address log option, so logs go to the host's own "
                    + "syslog daemon; check that it forwards them");
        }
        return Assessment.pass(source + ", which sends container logs to a log collector");
    }

    private static boolean hasLogOption(CheckContext context, String option) {
        DaemonSetting logOptions = context.daemonSetting("log-opts");
        return logOptions != null && logOptions.value() instanceof Map<?, ?> map && map.containsKey(option);
    }

    /** Returns a note when daemon.json names another driver than the running engine uses. */
    private static String pendingSettingNote(CheckContext context, String runningDriver) {
        DaemonSetting setting = context.daemonSetting("log-driver");
        if (setting == null || String.valueOf(setting.value()).equals(runningDriver)) {
            return "";
        }
        return "(log-driver is " + setting.value() + " in " + context.describeSource(setting)
                + ", which the running engine applies only after a daemon restart)";
    }
}
