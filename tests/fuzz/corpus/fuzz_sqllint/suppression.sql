CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

-- The table is small and written to only at night.
-- retort:lint-ignore RT301
CREATE INDEX ix_accounts_name ON accounts (name);
-- retort:lint-ignore RT202, RT301
CREATE UNIQUE INDEX uq_accounts_note ON accounts (note);
-- retort:lint-ignore RT202
CREATE UNIQUE INDEX uq_accounts_price ON accounts (price);
DELETE FROM owners; -- retort:lint-ignore RT104
-- retort:lint-ignore RT101

-- A blank line ends the comment block: the directive above does not reach this statement.
DROP TABLE owners;

