-- revision: a0000003
-- down_revision: a0000001
-- transactional: false

-- +upgrade postgresql
CREATE TABLE IF NOT EXISTS event_log (id BIGINT PRIMARY KEY);
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_accounts_price ON accounts (price);

-- +downgrade
SELECT 1;
