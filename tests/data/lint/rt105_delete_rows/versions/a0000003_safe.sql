-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';

-- +upgrade
-- A copy of the rows, then the delete on purpose.
CREATE TABLE accounts_before_2020 AS SELECT * FROM accounts WHERE created_at < '2020-01-01';
-- retort:lint-ignore RT105
DELETE FROM accounts WHERE created_at < '2020-01-01';

-- +downgrade
SELECT 1;
