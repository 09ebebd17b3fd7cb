-- revision: bbbb00000001
-- down_revision:
-- message: create t1 with a row
-- +upgrade
CREATE TABLE t1 (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO t1 (id, name) VALUES (1, 'kept');

-- +downgrade
DROP TABLE t1;
