-- revision: bbbb00000001
-- down_revision: 

-- +upgrade
CREATE TABLE a (id INTEGER);

-- +downgrade
DROP TABLE a;
