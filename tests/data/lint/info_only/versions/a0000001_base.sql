-- revision: a0000001
-- down_revision:

-- +upgrade
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO items (id, name) VALUES (1, 'a'), (2, NULL);

-- +downgrade
DROP TABLE items;
