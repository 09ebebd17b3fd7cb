-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
UPDATE accounts SET note = '' WHERE note IS NULL;
ALTER TABLE accounts ALTER COLUMN note SET NOT NULL;
CREATE TABLE fresh (id INTEGER, name TEXT);
ALTER TABLE fresh ALTER COLUMN name SET NOT NULL;

-- +downgrade
SELECT 1;
