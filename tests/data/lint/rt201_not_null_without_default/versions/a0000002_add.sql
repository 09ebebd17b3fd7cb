-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE accounts ADD COLUMN region VARCHAR(10) NOT NULL;
ALTER TABLE accounts ADD COLUMN tier INTEGER NOT NULL DEFAULT 1;
ALTER TABLE accounts ADD COLUMN label TEXT NOT NULL DEFAULT NULL;
ALTER TABLE accounts ADD COLUMN remark TEXT DEFAULT NULL;
-- A new table has no rows: only SQLite refuses this.
CREATE TABLE fresh (id INTEGER);
ALTER TABLE fresh ADD COLUMN kind TEXT NOT NULL;

-- +downgrade
SELECT 1;
