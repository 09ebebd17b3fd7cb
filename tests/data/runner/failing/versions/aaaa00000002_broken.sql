-- revision: aaaa00000002
-- down_revision: aaaa00000001
-- message: broken in the middle

-- +upgrade
CREATE TABLE t2 (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO t2 (id, name) VALUES (1, 'first');
INSERT INTO missing_table (x) VALUES (1);
CREATE TABLE t3 (id INTEGER);

-- +downgrade
DROP TABLE t3;
DROP TABLE t2;
