-- revision: a0000003
-- down_revision: a0000001
-- transactional: false

-- +upgrade postgresql
-- The index builds without blocking writes...
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_accounts_name_index ON accounts (name);

-- +downgrade
SELECT 1;
