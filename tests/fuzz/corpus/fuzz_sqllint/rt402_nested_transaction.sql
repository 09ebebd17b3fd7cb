-- Retort already runs this script in a transaction.
BEGIN;
CREATE TABLE audit (id BIGINT PRIMARY KEY, note TEXT);
COMMIT;

