-- revision: cccc00000002
-- down_revision: cccc00000001
-- message: a statement that runs for minutes
-- +upgrade
CREATE TABLE slow_marker (id INTEGER);
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000)
SELECT count(*) FROM c;

-- +downgrade
DROP TABLE slow_marker;
