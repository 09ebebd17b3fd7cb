-- revision: a0000002
-- down_revision: a0000001
-- transactional: false

-- +upgrade postgresql
CREATE TABLE events (id BIGINT PRIMARY KEY);
CREATE INDEX CONCURRENTLY ix_accounts_note ON accounts (note);

-- +downgrade
SELECT 1;
