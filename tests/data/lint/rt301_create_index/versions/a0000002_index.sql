-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
CREATE INDEX ix_accounts_name ON accounts (name);
CREATE TABLE fresh (id INTEGER, name TEXT);
CREATE INDEX ix_fresh_name ON fresh (name);

-- +downgrade
DROP INDEX ix_accounts_name;
