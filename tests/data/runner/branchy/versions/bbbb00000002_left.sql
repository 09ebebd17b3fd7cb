-- revision: bbbb00000002
-- down_revision: bbbb00000001

-- +upgrade
CREATE TABLE b (id INTEGER);

-- +downgrade
DROP TABLE b;
