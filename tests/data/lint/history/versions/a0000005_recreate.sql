-- revision: a0000005
-- down_revision: a0000004

-- +upgrade postgresql
-- Dropped and made again in this script: new, so no RT301 for its index.
DROP TABLE left_table;
CREATE TABLE left_table (id INTEGER, code VARCHAR(5));
CREATE INDEX ix_left_again ON left_table (id);
ALTER TABLE left_table RENAME TO left_table2;
CREATE INDEX ix_left_renamed ON left_table2 (code);

-- +downgrade
SELECT 1;
