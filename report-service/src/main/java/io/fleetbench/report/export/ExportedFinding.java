package io.fleetbench.report.export;

import io.fleetbench.model.finding.Status;
import io.fleetbench.model.finding.TargetKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One current finding with its host, as the exports write it. {@code waiverId} is set only while a waiver is active. */
record ExportedFinding(
        String hostId,
        String hostName,
        String benchmarkVersion,
        String checkId,
        String title,
        String section,
        boolean scored,
        TargetKind targetKind,
        String targetKey,
        @Nullable String targetId,
        Status status,
        @Nullable Long waiverId,
        String reason,
        @Nullable String remediation,
        Instant firstSeen,
        Instant lastChanged) {

    /** CSV column names, in the order of {@link #csvFields()}. This order is part of the export's contract. */
    static final java.util.List<String> CSV_HEADER = java.util.List.of("host_id", "host_name", "benchmark_version",
            "check_id", "title", "section", "scored", "target_kind", "target_key", "target_id", "status", "waived",
            "waiver_id", "reason", "remediation", "first_seen", "last_changed");

    java.util.List<String> csvFields() {
        return java.util.List.of(hostId, hostName, benchmarkVersion, checkId, title, section,
                Boolean.toString(scored), targetKind.name(), targetKey, targetId == null ? "" : targetId,
                status.name(), Boolean.toString(waiverId != null), waiverId == null ? "" : waiverId.toString(),
                reason, remediation == null ? "" : remediation, firstSeen.toString(), lastChanged.toString());
    }
}
