-- revision: bbbb00000004
-- down_revision: bbbb00000003
-- message: never reached
-- +upgrade
CREATE TABLE t4 (id INTEGER);

-- +downgrade
DROP TABLE t4;
