-- revision: a0000002
-- down_revision: a0000001

-- +upgrade sqlite
ALTER TABLE accounts DROP COLUMN name;

-- +downgrade
SELECT 1;
