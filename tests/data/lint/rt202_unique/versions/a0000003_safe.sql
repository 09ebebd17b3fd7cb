-- revision: a0000003
-- down_revision: a0000001
-- transactional: false

-- +upgrade
-- Remove the duplicates first (keep the oldest row of each name): the index cannot fail.
DELETE FROM accounts WHERE id NOT IN (SELECT min(id) FROM accounts GROUP BY name);

-- +upgrade sqlite
-- retort:lint-ignore RT202 (duplicates removed above)
CREATE UNIQUE INDEX uq_accounts_name ON accounts (name);

-- +upgrade postgresql
-- retort:lint-ignore RT202 (duplicates removed above)
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_accounts_name ON accounts (name);

-- +downgrade
SELECT 1;
