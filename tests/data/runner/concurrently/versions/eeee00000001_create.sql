-- revision: eeee00000001
-- down_revision:

-- +upgrade
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL);

-- +downgrade
DROP TABLE items;
