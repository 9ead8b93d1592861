-- Waivers with their change log, the link from a current finding to the waiver that covers it, the transition
-- kinds that waivers record, and the outbox of alerts that a background job delivers.

-- A waiver accepts the WARN findings of one check within one scope until it expires or is revoked. Exactly one
-- scope column is set. The patterns are globs ('*' and '?') over the container name or the image reference.
CREATE TABLE waivers (
    waiver_id         BIGINT GENERATED ALWAYS AS IDENTITY,
    check_id          VARCHAR(32)  NOT NULL,
    host_id           VARCHAR(128),
    -- A host label as key=value.
    host_label        TEXT,
    container_pattern TEXT,
    image_pattern     TEXT,
    reason            TEXT         NOT NULL,
    owner             TEXT         NOT NULL,
    approver          TEXT         NOT NULL,
    created_by        TEXT         NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_by        TEXT,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    -- When the expiry job re-opened the waived findings; NULL until then.
    expiry_processed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT waivers_pk PRIMARY KEY (waiver_id),
    CONSTRAINT waivers_one_scope_check CHECK (
        (CASE WHEN host_id IS NULL THEN 0 ELSE 1 END)
        + (CASE WHEN host_label IS NULL THEN 0 ELSE 1 END)
        + (CASE WHEN container_pattern IS NULL THEN 0 ELSE 1 END)
        + (CASE WHEN image_pattern IS NULL THEN 0 ELSE 1 END) = 1),
    CONSTRAINT waivers_approver_check CHECK (approver <> created_by)
);

-- Serves the expiry job and the lookup of active waivers on ingest.
CREATE INDEX waivers_expires_idx ON waivers (expires_at);

-- Append-only audit trail of every waiver change.
CREATE TABLE waiver_changes (
    change_id   BIGINT GENERATED ALWAYS AS IDENTITY,
    waiver_id   BIGINT       NOT NULL,
    action      VARCHAR(16)  NOT NULL,
    -- The authenticated user, or 'fleetbench' for the expiry job.
    actor       TEXT         NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Number of findings the change waived or re-opened.
    findings    INTEGER      NOT NULL,
    CONSTRAINT waiver_changes_pk PRIMARY KEY (change_id),
    CONSTRAINT waiver_changes_waiver_fk FOREIGN KEY (waiver_id) REFERENCES waivers (waiver_id),
    CONSTRAINT waiver_changes_action_check CHECK (action IN ('CREATED', 'REVOKED', 'EXPIRED'))
);

CREATE INDEX waiver_changes_waiver_idx ON waiver_changes (waiver_id, change_id);

-- The waiver that covers a WARN finding, or NULL. A finding that stops warning loses its waiver on ingest.
ALTER TABLE current_findings ADD COLUMN waiver_id BIGINT;

CREATE INDEX current_findings_waiver_idx ON current_findings (waiver_id);

ALTER TABLE finding_transitions DROP CONSTRAINT finding_transitions_kind_check;

ALTER TABLE finding_transitions ADD CONSTRAINT finding_transitions_kind_check
    CHECK (kind IN ('OPENED', 'RESOLVED', 'STATUS_CHANGED', 'WAIVED', 'WAIVER_EXPIRED', 'WAIVER_REVOKED'));

-- Alerts written in the transaction of the change they report and delivered afterwards, so a slow receiver never
-- holds up ingest and a crash between commit and delivery loses nothing. A row is deleted once delivered, or kept
-- with failed_at set when every attempt failed.
CREATE TABLE alert_outbox (
    alert_id        BIGINT GENERATED ALWAYS AS IDENTITY,
    -- 'webhook' or 'syslog'.
    channel         VARCHAR(16)  NOT NULL,
    -- 'finding_opened' or 'waiver_expired'.
    event_type      VARCHAR(32)  NOT NULL,
    -- The host of a finding_opened alert; NULL for a waiver_expired alert, which lists its findings' hosts.
    host_id         VARCHAR(128),
    -- The JSON body, rendered when the alert was written.
    payload         TEXT         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      TEXT,
    failed_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT alert_outbox_pk PRIMARY KEY (alert_id)
);

CREATE INDEX alert_outbox_due_idx ON alert_outbox (next_attempt_at);
