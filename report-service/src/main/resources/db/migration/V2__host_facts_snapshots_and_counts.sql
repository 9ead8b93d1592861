-- Host facts and recent snapshots from the host-snapshots topic, the score history of each host, and finding
-- counts per host and check that the fleet summary reads instead of scanning every current finding.
-- Keyed and indexed text columns are VARCHAR(n) for the same reason as in V1: jOOQ's code generator replays the
-- scripts in H2, which cannot index TEXT.

-- One row per host that sent a snapshot. It has no foreign key to hosts, because a snapshot can be stored before
-- the rule engine's report of it, and incident queries must answer for hosts that never got a report.
CREATE TABLE host_facts (
    host_id                 VARCHAR(128) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */ NOT NULL,
    name                    TEXT         NOT NULL,
    labels                  JSONB        NOT NULL,
    agent_version           TEXT         NOT NULL,
    engine_id               TEXT         NOT NULL,
    engine_version          TEXT         NOT NULL,
    docker_root_dir         TEXT,
    last_snapshot_sequence  BIGINT       NOT NULL,
    last_snapshot_event_id  TEXT         NOT NULL,
    -- Collection time of the newest stored snapshot.
    last_collected_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Set when a snapshot for this host id came from another engine (another engine ID or data root), which means
    -- two agents claim one host id. The columns keep the last conflicting engine seen.
    conflicting_engine_id   TEXT,
    conflicting_root_dir    TEXT,
    conflict_detected_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT host_facts_pk PRIMARY KEY (host_id)
);

-- The facts of each retained snapshot except the containers, which have a row each in snapshot_containers.
CREATE TABLE snapshots (
    host_id           VARCHAR(128) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */ NOT NULL,
    snapshot_sequence BIGINT       NOT NULL,
    event_id          TEXT         NOT NULL,
    collected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    engine            JSONB        NOT NULL,
    daemon            JSONB        NOT NULL,
    images            JSONB        NOT NULL,
    networks          JSONB        NOT NULL,
    CONSTRAINT snapshots_pk PRIMARY KEY (host_id, snapshot_sequence),
    CONSTRAINT snapshots_host_fk FOREIGN KEY (host_id) REFERENCES host_facts (host_id) ON DELETE CASCADE
);

-- Serves "the snapshot of a host at time T" and the retention delete.
CREATE INDEX snapshots_host_time_idx ON snapshots (host_id, collected_at);

-- One row per container of a retained snapshot. The columns beside facts copy the fields that incident queries
-- filter on most; facts holds the whole ContainerFacts record as JSON (names of environment variables only).
CREATE TABLE snapshot_containers (
    host_id           VARCHAR(128) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */ NOT NULL,
    snapshot_sequence BIGINT       NOT NULL,
    container_name    VARCHAR(256) NOT NULL,
    container_id      TEXT         NOT NULL,
    image             VARCHAR(512) NOT NULL,
    running           BOOLEAN      NOT NULL,
    privileged        BOOLEAN      NOT NULL,
    network_mode      TEXT,
    pid_mode          TEXT,
    ipc_mode          TEXT,
    uts_mode          TEXT,
    facts             JSONB        NOT NULL,
    CONSTRAINT snapshot_containers_pk PRIMARY KEY (host_id, snapshot_sequence, container_name),
    CONSTRAINT snapshot_containers_snapshot_fk FOREIGN KEY (host_id, snapshot_sequence)
        REFERENCES snapshots (host_id, snapshot_sequence) ON DELETE CASCADE
);

CREATE INDEX snapshot_containers_image_idx ON snapshot_containers (image);

-- The score of each applied report: the share of scored PASS and WARN findings that pass, in percent. NULL when
-- the report has no scored PASS or WARN finding.
CREATE TABLE host_scores (
    host_id           VARCHAR(128) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */ NOT NULL,
    snapshot_sequence BIGINT       NOT NULL,
    collected_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    score             DOUBLE PRECISION,
    pass_count        INTEGER      NOT NULL,
    warn_count        INTEGER      NOT NULL,
    info_count        INTEGER      NOT NULL,
    note_count        INTEGER      NOT NULL,
    CONSTRAINT host_scores_pk PRIMARY KEY (host_id, snapshot_sequence),
    CONSTRAINT host_scores_host_fk FOREIGN KEY (host_id) REFERENCES hosts (host_id) ON DELETE CASCADE
);

-- Current findings counted per host, check and status, rewritten with each applied report. The fleet summary
-- aggregates these rows (tens per host) instead of every current finding (up to thousands per host).
CREATE TABLE host_check_counts (
    host_id           VARCHAR(128) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */ NOT NULL,
    benchmark_version VARCHAR(64)  NOT NULL,
    check_id          VARCHAR(32)  NOT NULL,
    status            VARCHAR(8)   NOT NULL,
    title             TEXT         NOT NULL,
    section           TEXT         NOT NULL,
    scored            BOOLEAN      NOT NULL,
    finding_count     INTEGER      NOT NULL,
    CONSTRAINT host_check_counts_pk PRIMARY KEY (host_id, benchmark_version, check_id, status),
    CONSTRAINT host_check_counts_host_fk FOREIGN KEY (host_id) REFERENCES hosts (host_id) ON DELETE CASCADE,
    CONSTRAINT host_check_counts_status_check CHECK (status IN ('PASS', 'WARN', 'INFO', 'NOTE'))
);

-- Serve the per-check findings list and the findings search by check or by time.
CREATE INDEX current_findings_check_idx ON current_findings (check_id, status);
CREATE INDEX current_findings_last_changed_idx ON current_findings (last_changed);
