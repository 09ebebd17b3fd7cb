-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
CREATE TABLE events (id INTEGER PRIMARY KEY, kind SMALLINT NOT NULL);

-- +downgrade
SELECT 1;
