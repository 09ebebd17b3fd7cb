-- revision: dddd00000001
-- down_revision:

-- +upgrade
CREATE TABLE t1 (id INTEGER PRIMARY KEY);

-- +downgrade
DROP TABLE t1;
