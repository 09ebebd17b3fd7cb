-- revision: a0000003
-- down_revision: a0000002
-- transactional: false
-- +upgrade postgresql
CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_accounts_note ON accounts (note);

-- +upgrade sqlite
CREATE INDEX ix_accounts_note ON accounts (note);

-- +downgrade
DROP INDEX ix_accounts_note;
