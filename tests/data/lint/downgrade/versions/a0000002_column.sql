-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE items ADD COLUMN note TEXT;

-- +downgrade
-- A table rebuild: the rows move to items_new, so what the downgrade loses is the column
-- "note" (RT102), not the table.
CREATE TABLE items_new (id INTEGER PRIMARY KEY, name TEXT);
INSERT INTO items_new (id, name) SELECT id, name FROM items;
DROP TABLE items;
ALTER TABLE items_new RENAME TO items;
CREATE INDEX ix_items_name ON items (name);
