-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
CREATE INDEX CONCURRENTLY ix_accounts_name ON accounts (name);
DROP INDEX CONCURRENTLY IF EXISTS ix_accounts_name;

-- +downgrade
SELECT 1;
