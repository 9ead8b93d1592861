-- The tables that every applied report writes lose their foreign keys to hosts. PostgreSQL checked each written row
-- against hosts with a trigger, which took about an eighth of the database's time during ingest, and the cascade
-- was never used: hosts are never deleted. Ingest inserts or locks the host row before it writes any of these rows,
-- in the same transaction (store.ReportStore), which is what the keys guaranteed.
ALTER TABLE current_findings DROP CONSTRAINT current_findings_host_fk;
ALTER TABLE finding_transitions DROP CONSTRAINT finding_transitions_host_fk;
ALTER TABLE host_check_counts DROP CONSTRAINT host_check_counts_host_fk;
ALTER TABLE host_scores DROP CONSTRAINT host_scores_host_fk;
