-- revision: a0000003
-- down_revision: a0000001

-- +upgrade sqlite
ALTER TABLE accounts ADD COLUMN code TEXT;
CREATE UNIQUE INDEX uq_accounts_code ON accounts (code);

-- +downgrade
SELECT 1;
