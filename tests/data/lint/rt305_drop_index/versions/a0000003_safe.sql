-- revision: a0000003
-- down_revision: a0000001
-- transactional: false

-- +upgrade postgresql
DROP INDEX CONCURRENTLY IF EXISTS ix_accounts_name;

-- +downgrade
SELECT 1;
