-- revision: a0000001
-- down_revision:

-- +upgrade
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);

-- +downgrade
DROP TABLE items;
