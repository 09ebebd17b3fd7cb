-- revision: dddd00000002
-- down_revision: dddd00000001
-- message: a backfill that runs for minutes

-- +upgrade
CREATE TABLE backfill_marker (id INTEGER);
-- Counts to 1e9: minutes of work for SQLite, interrupted only by a cancel.
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000)
SELECT count(*) FROM c;

-- +downgrade
DROP TABLE backfill_marker;
