CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

ALTER TABLE accounts ADD COLUMN owner_id INTEGER;
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner FOREIGN KEY (owner_id) REFERENCES owners (id);
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner2 FOREIGN KEY (owner_id) REFERENCES owners (id)
    NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT fk_accounts_owner2;

SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN owner_id INTEGER;
ALTER TABLE accounts ADD CONSTRAINT fk_accounts_owner FOREIGN KEY (owner_id) REFERENCES owners (id) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT fk_accounts_owner;

