-- revision: bbbb00000003
-- down_revision: bbbb00000002
-- message: fails after changing things
-- +upgrade
CREATE TABLE t3 (id INTEGER);
DELETE FROM t1;
INSERT INTO missing_table (x) VALUES (1);

-- +downgrade
DROP TABLE t3;
