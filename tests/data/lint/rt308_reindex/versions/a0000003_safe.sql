-- revision: a0000003
-- down_revision: a0000001
-- transactional: false

-- +upgrade postgresql
REINDEX INDEX CONCURRENTLY ix_accounts_name;

-- +downgrade
SELECT 1;
