-- revision: a0000004
-- down_revision: a0000003

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
-- PostgreSQL 12+ trusts the validated check and skips the scan.
ALTER TABLE accounts ALTER COLUMN price SET NOT NULL;
ALTER TABLE accounts DROP CONSTRAINT ck_accounts_price_not_null;

-- +downgrade
SELECT 1;
