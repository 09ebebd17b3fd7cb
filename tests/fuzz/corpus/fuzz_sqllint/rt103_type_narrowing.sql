CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

ALTER TABLE accounts ADD COLUMN code VARCHAR(20);

ALTER TABLE accounts ALTER COLUMN id TYPE integer;
ALTER TABLE accounts ALTER COLUMN name SET DATA TYPE varchar(50);
ALTER TABLE accounts ALTER COLUMN code TYPE varchar(10);
-- Wider, or the same: PostgreSQL changes these in place, and nothing can be cut.
ALTER TABLE accounts ALTER COLUMN note TYPE varchar;
ALTER TABLE accounts ALTER COLUMN price TYPE numeric(12, 2);
ALTER TABLE accounts ALTER COLUMN created_at TYPE date;

SET LOCAL lock_timeout = '5s';
-- Keep the type; new values must fit the narrower limit, old ones stay as they are.
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_code_length CHECK (length(code) <= 10) NOT VALID;

