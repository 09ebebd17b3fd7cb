-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts DROP CONSTRAINT fk_accounts_owner;
DROP TABLE owners;

-- +downgrade
SELECT 1;
