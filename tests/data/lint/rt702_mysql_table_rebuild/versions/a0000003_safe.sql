-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
SET SESSION lock_wait_timeout = 5;
-- Last in the table: instant since MySQL 8.0.12.
ALTER TABLE accounts ADD COLUMN nickname VARCHAR(50);

-- +downgrade
SELECT 1;
