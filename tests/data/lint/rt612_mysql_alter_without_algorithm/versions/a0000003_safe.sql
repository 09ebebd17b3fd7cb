-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
SET SESSION lock_wait_timeout = 5;
ALTER TABLE accounts ADD COLUMN country VARCHAR(2), ALGORITHM=INSTANT, LOCK=DEFAULT;

-- +downgrade
SELECT 1;
