package io.fleetbench.model.event;

import io.fleetbench.model.finding.Finding;
import io.fleetbench.model.finding.Status;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The audit report of one snapshot against one benchmark catalogue: one finding per check and target.
 *
 * @param schemaVersion major version of this record's JSON shape
 * @param eventId unique id of this report
 * @param occurredAt when evaluation finished
 * @param host the engine's identity, copied from the snapshot
 * @param snapshotSequence sequence number of the evaluated snapshot
 * @param snapshotEventId event id of the evaluated snapshot
 * @param snapshotCollectedAt when the evaluated snapshot was collected
 * @param engineVersion the engine's server version, for the fleet view
 * @param benchmarkId the benchmark family, such as {@code cis-docker}
 * @param benchmarkVersion the catalogue version that produced the findings, such as {@code 1.6.0}
 * @param findings one result per check and target
 */
public record HostFindingsEvaluated(
        int schemaVersion,
        String eventId,
        Instant occurredAt,
        HostDescriptor host,
        long snapshotSequence,
        String snapshotEventId,
        Instant snapshotCollectedAt,
        String engineVersion,
        String benchmarkId,
        String benchmarkVersion,
        List<Finding> findings) {

    /** Schema version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public HostFindingsEvaluated {
        Objects.requireNonNull(eventId, "eventId is missing");
        Objects.requireNonNull(occurredAt, "occurredAt is missing");
        Objects.requireNonNull(host, "host is missing");
        Objects.requireNonNull(snapshotEventId, "snapshotEventId is missing");
        Objects.requireNonNull(snapshotCollectedAt, "snapshotCollectedAt is missing");
        Objects.requireNonNull(benchmarkId, "benchmarkId is missing");
        Objects.requireNonNull(benchmarkVersion, "benchmarkVersion is missing");
        if (snapshotSequence < 1) {
            throw new IllegalArgumentException(
                    "snapshotSequence " + snapshotSequence + " is invalid: it must be 1 or more");
        }
        engineVersion = engineVersion == null ? "unknown" : engineVersion;
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** Returns the host id, the Kafka key of this record. */
    public String hostId() {
        return host.id();
    }

    /** Counts the findings per status; every status is present, with zero where none. */
    public Map<Status, Long> countByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        for (Finding finding : findings) {
            counts.merge(finding.status(), 1L, Long::sum);
        }
        return counts;
    }
}
