-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE accounts ADD COLUMN region VARCHAR(20) NOT NULL DEFAULT 'unknown';

-- +downgrade
SELECT 1;
