CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

DELETE FROM accounts WHERE note IS NULL;
DELETE FROM owners;
CREATE TABLE staging (id INTEGER);
DELETE FROM staging;

TRUNCATE TABLE ONLY accounts, owners RESTART IDENTITY;

-- Only the rows that are meant to go.
DELETE FROM accounts WHERE created_at < '2020-01-01';

