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

ALTER TABLE accounts ALTER COLUMN note TYPE INTEGER USING note::integer;

SET LOCAL lock_timeout = '5s';
-- A new column, filled where the text is a number; the old one stays.
ALTER TABLE accounts ADD COLUMN note_number INTEGER;
UPDATE accounts SET note_number = note::integer WHERE note ~ '^[0-9]+$';

