package io.fleetbench.model.event;

/**
 * Kafka topic names. Every service binds to these constants or to configuration that defaults to them, so
 * renaming a topic is a change here plus deployment configuration.
 */
public final class Topics {

    /** Full host snapshots, keyed by host id, one record per collection. */
    public static final String HOST_SNAPSHOTS = "fleetbench.host-snapshots.v1";

    /** Runtime events observed on an engine (exec, container start with dangerous settings), keyed by host id. */
    public static final String RUNTIME_EVENTS = "fleetbench.runtime-events.v1";

    /** Audit reports, one per snapshot, keyed by host id. */
    public static final String AUDIT_REPORTS = "fleetbench.audit-reports.v1";

    /** Suffix of the dead-letter topic that receives the original bytes of a record a consumer rejected. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** Returns the dead-letter topic for {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
