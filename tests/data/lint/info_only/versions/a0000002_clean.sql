-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
-- Information only: rows are deleted on purpose.
DELETE FROM items WHERE name IS NULL;

-- +downgrade
SELECT 1;
