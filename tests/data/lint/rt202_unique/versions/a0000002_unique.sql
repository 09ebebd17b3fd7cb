-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
CREATE UNIQUE INDEX uq_accounts_name ON accounts (name);
CREATE TABLE fresh (id INTEGER, name TEXT);
CREATE UNIQUE INDEX uq_fresh_name ON fresh (name);

-- +upgrade postgresql
ALTER TABLE accounts ADD CONSTRAINT uq_accounts_note UNIQUE (note);
ALTER TABLE accounts ADD CONSTRAINT uq_accounts_name2 UNIQUE USING INDEX uq_accounts_name;

-- +downgrade
SELECT 1;
