-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';

-- +upgrade
-- A new column next to the old one; drop the old one once no client reads it.
ALTER TABLE accounts ADD COLUMN comment TEXT;
UPDATE accounts SET comment = note;

-- +downgrade
SELECT 1;
