-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
-- Name every table that is to be emptied.
TRUNCATE accounts, owners;

-- +downgrade
SELECT 1;
