CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

ALTER TABLE accounts DROP COLUMN note;
ALTER TABLE accounts DROP CONSTRAINT accounts_name_check;
CREATE TABLE fresh (id INTEGER, extra TEXT);
ALTER TABLE fresh DROP COLUMN extra;

ALTER TABLE accounts DROP price, ALTER COLUMN name DROP NOT NULL;

SET LOCAL lock_timeout = '5s';

-- Keep the values where they can be found again, then drop the column on purpose.
CREATE TABLE accounts_note_archive AS SELECT id, note FROM accounts;
-- retort:lint-ignore RT102
ALTER TABLE accounts DROP COLUMN note;

