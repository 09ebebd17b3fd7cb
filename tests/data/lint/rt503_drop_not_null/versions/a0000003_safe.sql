-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
-- Clients keep getting a name; the optional value goes in a new column.
ALTER TABLE accounts ADD COLUMN display_name VARCHAR(100);

-- +downgrade
SELECT 1;
