-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
-- A table this script creates and drops again holds nothing: no finding.
CREATE TEMP TABLE scratch (id INTEGER);
DROP TABLE temp.scratch;
DROP TABLE IF EXISTS owners, accounts CASCADE;

-- +downgrade
CREATE TABLE accounts (id BIGINT PRIMARY KEY);
CREATE TABLE owners (id INTEGER PRIMARY KEY);
