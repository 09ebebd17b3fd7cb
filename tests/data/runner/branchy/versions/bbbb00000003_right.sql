-- revision: bbbb00000003
-- down_revision: bbbb00000001

-- +upgrade
CREATE TABLE c (id INTEGER);

-- +downgrade
DROP TABLE c;
