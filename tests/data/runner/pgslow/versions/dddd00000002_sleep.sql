-- revision: dddd00000002
-- down_revision: dddd00000001
-- message: a statement that sleeps for 30 seconds

-- +upgrade
CREATE TABLE slow_marker (id INTEGER);
SELECT pg_sleep(30);

-- +downgrade
DROP TABLE slow_marker;
