-- revision: a0000003
-- down_revision: a0000001

-- +upgrade sqlite
-- SQLite's table rebuild: a new table, the rows copied, the old one dropped, a rename.
CREATE TABLE owners_new (id BIGINT PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO owners_new (id, name) SELECT id, name FROM owners;
DROP TABLE owners;
ALTER TABLE owners_new RENAME TO owners;

-- +downgrade
SELECT 1;
