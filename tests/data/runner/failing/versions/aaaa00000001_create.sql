-- revision: aaaa00000001
-- down_revision: 
-- message: create t1
-- +upgrade
CREATE TABLE t1 (id INTEGER PRIMARY KEY);

-- +downgrade
DROP TABLE t1;
