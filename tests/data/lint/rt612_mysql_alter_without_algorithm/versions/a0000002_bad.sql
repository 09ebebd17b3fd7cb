-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE accounts ADD COLUMN region VARCHAR(20);

-- +downgrade
SELECT 1;
