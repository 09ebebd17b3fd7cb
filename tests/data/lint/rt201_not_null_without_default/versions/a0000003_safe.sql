-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';

-- +upgrade
ALTER TABLE accounts ADD COLUMN region VARCHAR(20) NOT NULL DEFAULT 'unknown';

-- +downgrade
SELECT 1;
