CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

-- A table this script creates and drops again holds nothing: no finding.
CREATE TEMP TABLE scratch (id INTEGER);
DROP TABLE temp.scratch;
DROP TABLE IF EXISTS owners, accounts CASCADE;

SET LOCAL lock_timeout = '5s';

-- Keep the rows where they can be found again, then drop the table on purpose.
CREATE TABLE owners_archive AS SELECT * FROM owners;
-- retort:lint-ignore RT101
DROP TABLE owners;

