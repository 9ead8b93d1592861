package io.fleetbench.rules.core.check.daemon;

import static io.fleetbench.model.finding.Status.INFO;
import static io.fleetbench.model.finding.Status.PASS;
import static io.fleetbench.model.finding.Status.WARN;
import static io.fleetbench.rules.core.TestSnapshots.engine;
import static io.fleetbench.rules.core.TestSnapshots.snapshot;
import static io.fleetbench.rules.core.TestSnapshots.withoutEngineField;
import static io.fleetbench.rules.core.check.CheckTables.expect;
import static io.fleetbench.rules.core.check.CheckTables.row;

import io.fleetbench.model.event.HostSnapshotCollected;
import io.fleetbench.rules.core.check.CheckTables;
import io.fleetbench.rules.core.check.CheckTables.Expected;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Daemon checks have one target, so the several-offender rows combine sources that disagree. */
class RemoteLoggingConfiguredTests {

    static Stream<Arguments> cases() {
        return Stream.of(
                row("remote driver passes",
                        snapshot().build(),
                        expect("daemon", PASS, "LoggingDriver is gelf (engine API)")),
                row("json-file warns",
                        snapshot().engine(engine().loggingDriver("json-file")).build(),
                        expect("daemon", WARN, "LoggingDriver is json-file (engine API), which keeps container logs in files on the host only")),
                row("none discards logs",
                        snapshot().engine(engine().loggingDriver("none")).build(),
                        expect("daemon", WARN, "which discards container logs")),
                row("journald needs a manual check",
                        snapshot().engine(engine().loggingDriver("journald")).build(),
                        expect("daemon", INFO, "journal is forwarded")),
                row("syslog with address passes",
                        snapshot().engine(engine().loggingDriver("syslog"))
                                .daemonJson("log-opts", Map.of("syslog-address", "tcp://10.0.0.9:514")).build(),
                        expect("daemon", PASS, "LoggingDriver is syslog (engine API)")),
                row("syslog without address needs a manual check",
                        snapshot().engine(engine().loggingDriver("syslog")).build(),
                        expect("daemon", INFO, "without a syslog-address log option")),
                row("absent driver falls back to daemon.json",
                        withoutEngineField(snapshot().daemonJson("log-driver", "fluentd").build(), "loggingDriver"),
                        expect("daemon", PASS, "log-driver is fluentd in /etc/docker/daemon.json")),
                row("absent driver and setting mean json-file",
                        withoutEngineField(snapshot().build(), "loggingDriver"),
                        expect("daemon", WARN, "so the daemon default json-file applies")),
                row("engine report wins over daemon.json",
                        snapshot().engine(engine().loggingDriver("local")).daemonJson("log-driver", "gelf").build(),
                        expect("daemon", WARN, "LoggingDriver is local (engine API), which keeps container logs in files on the host only (log-driver is gelf in /etc/docker/daemon.json, which the running engine applies only after a daemon restart)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void assessesDaemon(String description, HostSnapshotCollected snapshot, List<Expected> expected) {
        CheckTables.assertResults(new RemoteLoggingConfigured(), snapshot, expected);
    }
}
