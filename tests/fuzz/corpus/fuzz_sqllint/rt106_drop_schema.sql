CREATE SCHEMA reporting;

DROP SCHEMA IF EXISTS reporting CASCADE;

CREATE SCHEMA archive;
CREATE TABLE archive.old_totals (id BIGINT PRIMARY KEY);
-- Drop what is meant to go by name; without CASCADE, DROP SCHEMA refuses a schema that
-- still holds something.
DROP TABLE archive.old_totals;
DROP SCHEMA archive;

