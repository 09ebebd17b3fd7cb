-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
-- NOT VALID takes a moment; VALIDATE scans without blocking writes.
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_price_not_null CHECK (price IS NOT NULL) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_price_not_null;

-- +downgrade
SELECT 1;
