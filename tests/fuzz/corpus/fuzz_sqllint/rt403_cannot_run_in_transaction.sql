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

CREATE TYPE mood AS ENUM ('sad', 'happy');

VACUUM ANALYZE accounts;
-- Before PostgreSQL 12 (the target here is 11).
ALTER TYPE mood ADD VALUE 'calm' BEFORE 'happy';

VACUUM ANALYZE accounts;
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm' BEFORE 'happy';

