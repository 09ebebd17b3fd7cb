CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

ALTER TABLE accounts ADD CONSTRAINT ck_accounts_price CHECK (price >= 0);
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_name CHECK (length(name) > 0) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_name;

SET LOCAL lock_timeout = '5s';
-- New rows are checked at once; VALIDATE checks the old ones without blocking writes.
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_price CHECK (price >= 0) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_price;

