-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
DROP INDEX ix_accounts_name;

-- +downgrade
SELECT 1;
