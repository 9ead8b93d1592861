package io.fleetbench.report.store;

import io.fleetbench.model.event.HostFindingsEvaluated;
import io.fleetbench.model.event.InvalidEventException;
import io.fleetbench.model.finding.Finding;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Rejects a report that the tables cannot store, before its transaction starts. The lengths match the
 * VARCHAR columns of the Flyway scripts. A rejected report goes to the dead-letter topic without retries.
 */
final class ColumnLimits {

    static final int BENCHMARK_VERSION = 64;
    static final int CHECK_ID = 32;
    static final int TARGET_KEY = 512;

    private ColumnLimits() {
    }

    /**
     * Checks the lengths of the key columns, that no stored text contains a NUL character, which PostgreSQL's text
     * types cannot store, and that no finding key appears twice.
     *
     * @throws InvalidEventException naming the report, the field and the limit
     */
    static void validate(HostFindingsEvaluated report) {
        requireMaxLength(report, "benchmarkVersion", report.benchmarkVersion(), BENCHMARK_VERSION);
        requireNoNul(report, "host name", report.host().name());
        requireNoNul(report, "host agentVersion", report.host().agentVersion());
        report.host().labels().forEach((name, value) -> {
            requireNoNul(report, "host label name", name);
            requireNoNul(report, "value of host label " + name, value);
        });
        requireNoNul(report, "engineVersion", report.engineVersion());
        requireNoNul(report, "benchmarkId", report.benchmarkId());
        requireNoNul(report, "benchmarkVersion", report.benchmarkVersion());
        Set<FindingKey> keys = new HashSet<>();
        for (Finding finding : report.findings()) {
            requireMaxLength(report, "finding checkId", finding.checkId(), CHECK_ID);
            requireMaxLength(report, "finding targetKey", finding.targetKey(), TARGET_KEY);
            requireNoNul(report, finding);
            FindingKey key = new FindingKey(report.benchmarkVersion(), finding.checkId(), finding.targetKey());
            if (!keys.add(key)) {
                throw new InvalidEventException("Report " + report.eventId() + " for host " + report.hostId()
                        + " contains " + key + " twice. The rule engine must send one finding per check and target");
            }
        }
    }

    private static void requireMaxLength(HostFindingsEvaluated report, String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidEventException("Report " + report.eventId() + " for host " + report.hostId() + " has "
                    + field + " '" + abbreviate(value) + "' of " + value.length()
                    + " characters, more than the maximum of " + maxLength
                    + " that the report store accepts. Shorten it at its source");
        }
    }

    private static void requireNoNul(HostFindingsEvaluated report, Finding finding) {
        requireNoNul(report, finding, "checkId", finding.checkId());
        requireNoNul(report, finding, "targetKey", finding.targetKey());
        requireNoNul(report, finding, "title", finding.title());
        requireNoNul(report, finding, "section", finding.section());
        requireNoNul(report, finding, "targetId", finding.targetId());
        requireNoNul(report, finding, "reason", finding.reason());
        requireNoNul(report, finding, "remediation", finding.remediation());
    }

    /** Checks one field of a finding, naming the finding only when it fails, because reports carry thousands. */
    private static void requireNoNul(HostFindingsEvaluated report, Finding finding, String field,
            @Nullable String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            requireNoNul(report, field + " of finding " + finding.checkId() + " on " + finding.targetKey(), value);
        }
    }

    private static void requireNoNul(HostFindingsEvaluated report, String field, @Nullable String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidEventException("Report " + report.eventId() + " for host " + report.hostId() + " has a"
                    + " NUL character in " + field + ", which PostgreSQL cannot store. Remove it at its source");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
