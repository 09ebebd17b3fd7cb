-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
DELETE FROM accounts WHERE note IS NULL;
DELETE FROM owners;
CREATE TABLE staging (id INTEGER);
DELETE FROM staging;

-- +upgrade postgresql
TRUNCATE TABLE ONLY accounts, owners RESTART IDENTITY;

-- +downgrade
SELECT 1;
