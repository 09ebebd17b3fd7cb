CREATE TABLE owners (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);
CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    owner_id BIGINT CONSTRAINT fk_accounts_owner REFERENCES owners (id),
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_accounts_name ON accounts (name);

ALTER TABLE accounts ADD COLUMN region VARCHAR(20);

-- Give up after 5 s rather than queue every query behind this one; retry later.
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN country VARCHAR(2);

SET SESSION lock_wait_timeout = 5;
ALTER TABLE accounts ADD COLUMN country VARCHAR(2);

