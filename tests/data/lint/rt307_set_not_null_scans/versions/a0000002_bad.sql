-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
ALTER TABLE accounts ALTER COLUMN note SET NOT NULL;

-- +downgrade
SELECT 1;
