-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_price CHECK (price >= 0);
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_name CHECK (length(name) > 0) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_name;

-- +downgrade
SELECT 1;
