CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO items (id, name) VALUES (1, 'a'), (2, NULL);

-- Information only: rows are deleted on purpose.
DELETE FROM items WHERE name IS NULL;

