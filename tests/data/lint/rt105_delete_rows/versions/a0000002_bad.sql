-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';

-- +upgrade
DELETE FROM accounts WHERE created_at < '2020-01-01';

-- +downgrade
SELECT 1;
