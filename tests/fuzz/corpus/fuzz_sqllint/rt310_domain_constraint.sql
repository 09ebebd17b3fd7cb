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

CREATE DOMAIN amount AS NUMERIC(10, 2);

ALTER DOMAIN amount ADD CONSTRAINT ck_amount_positive CHECK (VALUE >= 0);

SET LOCAL lock_timeout = '5s';
ALTER DOMAIN amount ADD CONSTRAINT ck_amount_not_negative CHECK (VALUE >= 0) NOT VALID;
ALTER DOMAIN amount VALIDATE CONSTRAINT ck_amount_not_negative;

