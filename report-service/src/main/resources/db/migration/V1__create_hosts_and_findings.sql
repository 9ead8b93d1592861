-- Current results and their history, one set per host. Columns that are part of a key or an index are
-- VARCHAR(n) because the jOOQ code generator replays this script in H2, which cannot index TEXT. The
-- limits are checked on ingest (store.ColumnLimits), so an oversized value rejects the report instead of
-- failing the transaction.
--
-- Host ids use the "C" collation, so the hosts list and its cursor follow byte order whatever the database's
-- locale is. Host ids are ASCII, so that is also the order of Java's String.compareTo. The jOOQ ignore markers
-- hide the clause from H2 during code generation.

CREATE TABLE hosts (
    host_id                VARCHAR(128) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */ NOT NULL,
    name                   TEXT         NOT NULL,
    labels                 JSONB        NOT NULL,
    agent_version          TEXT         NOT NULL,
    engine_version         TEXT         NOT NULL,
    benchmark_id           TEXT         NOT NULL,
    benchmark_version      VARCHAR(64)  NOT NULL,
    -- When the snapshot behind the last applied report was collected.
    last_seen              TIMESTAMP WITH TIME ZONE NOT NULL,
    last_snapshot_sequence BIGINT       NOT NULL,
    last_snapshot_event_id TEXT         NOT NULL,
    last_report_event_id   TEXT         NOT NULL,
    -- When the rule engine evaluated the last applied report.
    last_report_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- When this service first stored a report for the host.
    first_seen             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT hosts_pk PRIMARY KEY (host_id)
);

-- The finding key is (host_id, benchmark_version, check_id, target_key). A finding missing from the next applied
-- report is deleted here and recorded as resolved in finding_transitions.
CREATE TABLE current_findings (
    host_id           VARCHAR(128) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */ NOT NULL,
    benchmark_version VARCHAR(64)  NOT NULL,
    check_id          VARCHAR(32)  NOT NULL,
    target_key        VARCHAR(512) NOT NULL,
    title             TEXT         NOT NULL,
    section           TEXT         NOT NULL,
    scored            BOOLEAN      NOT NULL,
    target_kind       VARCHAR(16)  NOT NULL,
    target_id         TEXT,
    status            VARCHAR(8)   NOT NULL,
    reason            TEXT         NOT NULL,
    remediation       TEXT,
    -- Collection time of the snapshot in which the finding first appeared.
    first_seen        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Collection time of the snapshot in which the status last changed (equal to first_seen until then).
    last_changed      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Sequence of the snapshot whose report last wrote this row, including changes to reason or title alone.
    snapshot_sequence BIGINT       NOT NULL,
    CONSTRAINT current_findings_pk PRIMARY KEY (host_id, benchmark_version, check_id, target_key),
    CONSTRAINT current_findings_host_fk FOREIGN KEY (host_id) REFERENCES hosts (host_id) ON DELETE CASCADE,
    CONSTRAINT current_findings_status_check CHECK (status IN ('PASS', 'WARN', 'INFO', 'NOTE')),
    CONSTRAINT current_findings_target_kind_check
        CHECK (target_kind IN ('HOST', 'DAEMON', 'FILE', 'IMAGE', 'CONTAINER', 'NETWORK', 'SWARM'))
);

-- Serves the status counts per host and the report's status filter.
CREATE INDEX current_findings_host_status_idx ON current_findings (host_id, status);

-- Append-only history. Rows are inserted once per change and never updated. The id orders them as they were recorded,
-- which per host is the order of the applied snapshot sequences, because each report is applied under a lock
-- on its host row.
CREATE TABLE finding_transitions (
    transition_id     BIGINT GENERATED ALWAYS AS IDENTITY,
    host_id           VARCHAR(128) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */ NOT NULL,
    benchmark_version VARCHAR(64)  NOT NULL,
    check_id          VARCHAR(32)  NOT NULL,
    target_key        VARCHAR(512) NOT NULL,
    title             TEXT         NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    -- NULL for an opened finding.
    from_status       VARCHAR(8),
    -- NULL for a resolved finding.
    to_status         VARCHAR(8),
    -- The verdict's reason in the new state, or the last one before a finding was resolved.
    reason            TEXT         NOT NULL,
    -- Collection time of the snapshot in which the change was observed.
    occurred_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot_sequence BIGINT       NOT NULL,
    report_event_id   TEXT         NOT NULL,
    CONSTRAINT finding_transitions_pk PRIMARY KEY (transition_id),
    CONSTRAINT finding_transitions_host_fk FOREIGN KEY (host_id) REFERENCES hosts (host_id) ON DELETE CASCADE,
    CONSTRAINT finding_transitions_kind_check CHECK (kind IN ('OPENED', 'RESOLVED', 'STATUS_CHANGED')),
    CONSTRAINT finding_transitions_from_status_check
        CHECK (from_status IS NULL OR from_status IN ('PASS', 'WARN', 'INFO', 'NOTE')),
    CONSTRAINT finding_transitions_to_status_check
        CHECK (to_status IS NULL OR to_status IN ('PASS', 'WARN', 'INFO', 'NOTE'))
);

-- Serves a host's history, newest first, with the transition id as the cursor.
CREATE INDEX finding_transitions_host_idx ON finding_transitions (host_id, transition_id);
