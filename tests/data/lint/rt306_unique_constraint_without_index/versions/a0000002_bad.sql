-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
ALTER TABLE accounts ADD CONSTRAINT uq_accounts_name UNIQUE (name);

-- +downgrade
SELECT 1;
