-- revision: a0000002
-- down_revision: a0000001

-- +upgrade sqlite
ALTER TABLE accounts ADD COLUMN code TEXT UNIQUE;

-- +downgrade
SELECT 1;
