-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
ALTER TABLE accounts ADD COLUMN owner_id INTEGER;
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner FOREIGN KEY (owner_id) REFERENCES owners (id);
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner2 FOREIGN KEY (owner_id) REFERENCES owners (id)
    NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT fk_accounts_owner2;

-- +downgrade
SELECT 1;
