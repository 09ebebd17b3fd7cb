-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
SET SESSION lock_wait_timeout = 5;
-- A new column is instant; the application fills it in batches, then switches.
ALTER TABLE accounts ADD COLUMN price_wide DECIMAL(14, 2), ALGORITHM=INSTANT;

-- +downgrade
SELECT 1;
