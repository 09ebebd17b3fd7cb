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

SET LOCAL lock_timeout = '5s';

DELETE FROM accounts WHERE created_at < '2020-01-01';

SET LOCAL lock_timeout = '5s';

-- A copy of the rows, then the delete on purpose.
CREATE TABLE accounts_before_2020 AS SELECT * FROM accounts WHERE created_at < '2020-01-01';
-- retort:lint-ignore RT105
DELETE FROM accounts WHERE created_at < '2020-01-01';

