CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

UPDATE accounts SET note = '' WHERE note IS NULL;
ALTER TABLE accounts ALTER COLUMN note SET NOT NULL;
CREATE TABLE fresh (id INTEGER, name TEXT);
ALTER TABLE fresh ALTER COLUMN name SET NOT NULL;

SET LOCAL lock_timeout = '5s';
-- Fill the NULLs, then prove there are none with a validated check: SET NOT NULL then
-- cannot fail, and PostgreSQL 12+ skips its scan.
UPDATE accounts SET note = '' WHERE note IS NULL;
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_note_not_null CHECK (note IS NOT NULL) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT ck_accounts_note_not_null;
ALTER TABLE accounts ALTER COLUMN note SET NOT NULL;
ALTER TABLE accounts DROP CONSTRAINT ck_accounts_note_not_null;

