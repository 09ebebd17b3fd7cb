-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
-- Only the rows that are meant to go.
DELETE FROM accounts WHERE created_at < '2020-01-01';

-- +downgrade
SELECT 1;
