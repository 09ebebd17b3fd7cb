ALTER TABLE accounts ADD CONSTRAINT uq_accounts_name UNIQUE (name);

