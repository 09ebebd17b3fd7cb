-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
-- A new column, filled where the text is a number; the old one stays.
ALTER TABLE accounts ADD COLUMN note_number INTEGER;
UPDATE accounts SET note_number = note::integer WHERE note ~ '^[0-9]+$';

-- +downgrade
SELECT 1;
