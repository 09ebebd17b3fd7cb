-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
-- New rows are checked at once; VALIDATE checks the old ones without blocking writes.
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_price CHECK (price >= 0) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_price;

-- +downgrade
SELECT 1;
