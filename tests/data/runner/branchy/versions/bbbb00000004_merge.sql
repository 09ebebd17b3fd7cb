-- revision: bbbb00000004
-- down_revision: bbbb00000002, bbbb00000003

-- +upgrade
CREATE TABLE d (id INTEGER);

-- +downgrade
DROP TABLE d;
