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

CREATE DOMAIN amount AS NUMERIC(10, 2) CHECK (VALUE >= 0);

CREATE DOMAIN money_amount AS NUMERIC(10, 2);
CREATE TABLE payments (id BIGINT PRIMARY KEY, amount money_amount CHECK (amount >= 0));

