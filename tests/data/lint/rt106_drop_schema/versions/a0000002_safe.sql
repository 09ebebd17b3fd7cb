-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
CREATE SCHEMA archive;
CREATE TABLE archive.old_totals (id BIGINT PRIMARY KEY);
-- Drop what is meant to go by name; without CASCADE, DROP SCHEMA refuses a schema that
-- still holds something.
DROP TABLE archive.old_totals;
DROP SCHEMA archive;

-- +downgrade
SELECT 1;
