-- revision: a0000003
-- down_revision: a0000001

-- +upgrade sqlite
DROP INDEX ix_accounts_name;
-- retort:lint-ignore RT102
ALTER TABLE accounts DROP COLUMN name;

-- +downgrade
SELECT 1;
