-- revision: a0000002
-- down_revision: a0000001

-- +upgrade sqlite
ALTER TABLE owners ALTER COLUMN name TYPE TEXT;

-- +downgrade
SELECT 1;
