-- Waived findings count apart from WARN, the fleet summary reads per-check counts that ingest keeps up to date
-- instead of summing every host's rows on each request, and current findings sort by check id in number order.

-- A key whose byte order is the order of check ids in the benchmark (5.9 before 5.10), built by
-- query.CheckIdOrder.sortKey. It replaces the check id in the primary key, so the findings search pages through
-- the primary key's index in that order. The key maps one check id to one key, so uniqueness is unchanged.
ALTER TABLE current_findings
    ADD COLUMN check_sort_key VARCHAR(128) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */;
-- [jooq ignore start]
UPDATE current_findings SET check_sort_key = coalesce((
    SELECT string_agg(
        CASE WHEN m.run[1] ~ '^[0-9]'
             THEN chr(2) || chr(48 + length(ltrim(m.run[1], '0'))) || ltrim(m.run[1], '0')
                  || chr(57 - (length(m.run[1]) - length(ltrim(m.run[1], '0'))))
             ELSE chr(3) || m.run[1] || chr(1)
        END, '' ORDER BY m.position)
    FROM regexp_matches(check_id, '[0-9]+|[^0-9]+', 'g') WITH ORDINALITY AS m(run, position)), '');
-- [jooq ignore stop]
ALTER TABLE current_findings ALTER COLUMN check_sort_key SET NOT NULL;
ALTER TABLE current_findings DROP CONSTRAINT current_findings_pk;
ALTER TABLE current_findings ADD CONSTRAINT current_findings_pk
    PRIMARY KEY (host_id, benchmark_version, check_sort_key, target_key);

-- A count row of WARN findings is split in two: those an active waiver covers (waived) and the others.
ALTER TABLE host_check_counts ADD COLUMN waived BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE host_check_counts DROP CONSTRAINT host_check_counts_pk;
ALTER TABLE host_check_counts ADD CONSTRAINT host_check_counts_pk
    PRIMARY KEY (host_id, benchmark_version, check_id, status, waived);

-- Waived WARN findings of the applied report; the score leaves them out.
ALTER TABLE host_scores ADD COLUMN waived_count INTEGER DEFAULT 0 NOT NULL;

-- The sum of host_check_counts over all hosts, spread over shards by host id so that reports of hosts in different
-- shards do not wait for each other's row locks. Each applied report and each waiver change adds the difference
-- between a host's old and new counts. Rows whose count drops to zero stay and read as zero.
CREATE TABLE fleet_check_counts (
    shard             SMALLINT     NOT NULL,
    benchmark_version VARCHAR(64)  NOT NULL,
    check_id          VARCHAR(32)  NOT NULL,
    status            VARCHAR(8)   NOT NULL,
    waived            BOOLEAN      NOT NULL,
    title             TEXT         NOT NULL,
    section           TEXT         NOT NULL,
    scored            BOOLEAN      NOT NULL,
    finding_count     BIGINT       NOT NULL,
    CONSTRAINT fleet_check_counts_pk PRIMARY KEY (shard, benchmark_version, check_id, status, waived),
    CONSTRAINT fleet_check_counts_status_check CHECK (status IN ('PASS', 'WARN', 'INFO', 'NOTE'))
);

-- The same sums per host label (key=value) and shard, so that a summary filtered by one label reads a few rows per
-- check. Labels longer than 256 characters get no rows here; a summary filtered by them sums host_check_counts.
CREATE TABLE label_check_counts (
    label             VARCHAR(256) /* [jooq ignore start] */ COLLATE "C" /* [jooq ignore stop] */ NOT NULL,
    shard             SMALLINT     NOT NULL,
    benchmark_version VARCHAR(64)  NOT NULL,
    check_id          VARCHAR(32)  NOT NULL,
    status            VARCHAR(8)   NOT NULL,
    waived            BOOLEAN      NOT NULL,
    title             TEXT         NOT NULL,
    section           TEXT         NOT NULL,
    scored            BOOLEAN      NOT NULL,
    finding_count     BIGINT       NOT NULL,
    CONSTRAINT label_check_counts_pk PRIMARY KEY (label, shard, benchmark_version, check_id, status, waived),
    CONSTRAINT label_check_counts_status_check CHECK (status IN ('PASS', 'WARN', 'INFO', 'NOTE'))
);

-- The labels under which a host's rows in host_check_counts were added to label_check_counts, so that a report
-- that changes the host's labels moves its counts from the old labels to the new ones.
ALTER TABLE hosts ADD COLUMN counted_labels JSONB;

-- Serves label filters, which test whether the labels contain the requested pairs.
-- [jooq ignore start]
CREATE INDEX hosts_labels_idx ON hosts USING gin (labels jsonb_path_ops);
-- [jooq ignore stop]

-- Per-host status counts now come from host_check_counts, and a host's report filters on the primary key's host
-- prefix, so this index only slowed ingest down.
DROP INDEX current_findings_host_status_idx;

-- Only waived findings need finding by waiver; most findings have none.
DROP INDEX current_findings_waiver_idx;
CREATE INDEX current_findings_waiver_idx ON current_findings (waiver_id)
    /* [jooq ignore start] */ WHERE waiver_id IS NOT NULL /* [jooq ignore stop] */;

-- Serves the count of stale hosts in the fleet summary.
CREATE INDEX hosts_last_seen_idx ON hosts (last_seen);

-- Rebuild the counts of existing hosts with waived findings apart, then the fleet and label totals from them.
-- [jooq ignore start]
DELETE FROM host_check_counts;

INSERT INTO host_check_counts (host_id, benchmark_version, check_id, status, waived, title, section, scored,
        finding_count)
SELECT host_id, benchmark_version, check_id, status, waiver_id IS NOT NULL AND status = 'WARN', max(title),
       max(section), bool_or(scored), count(*)
FROM current_findings
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO fleet_check_counts (shard, benchmark_version, check_id, status, waived, title, section, scored,
        finding_count)
SELECT 0, benchmark_version, check_id, status, waived, max(title), max(section), bool_or(scored), sum(finding_count)
FROM host_check_counts
GROUP BY 2, 3, 4, 5;

INSERT INTO label_check_counts (label, shard, benchmark_version, check_id, status, waived, title, section, scored,
        finding_count)
SELECT label.key || '=' || label.value, 0, c.benchmark_version, c.check_id, c.status, c.waived, max(c.title),
       max(c.section), bool_or(c.scored), sum(c.finding_count)
FROM host_check_counts c
JOIN hosts h ON h.host_id = c.host_id
CROSS JOIN LATERAL jsonb_each_text(h.labels) AS label
WHERE length(label.key) + length(label.value) < 256
GROUP BY 1, 3, 4, 5, 6;

UPDATE hosts SET counted_labels = labels;
-- [jooq ignore stop]
