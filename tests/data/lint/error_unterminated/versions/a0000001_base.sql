-- revision: a0000001
-- down_revision:

-- +upgrade
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO items (name) VALUES ('never closed);

-- +downgrade
DROP TABLE items;
