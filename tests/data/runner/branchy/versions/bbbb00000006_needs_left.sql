-- revision: bbbb00000006
-- down_revision: bbbb00000005
-- depends_on: bbbb00000002
-- +upgrade
CREATE TABLE f (id INTEGER);

-- +downgrade
DROP TABLE f;
