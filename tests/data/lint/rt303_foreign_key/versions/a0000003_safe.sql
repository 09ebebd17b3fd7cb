-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN owner_id INTEGER;
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT fk_accounts_owner;

-- +downgrade
SELECT 1;
