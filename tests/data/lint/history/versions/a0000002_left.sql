-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
CREATE TABLE left_table (id INTEGER);
ALTER TABLE base_table RENAME TO renamed_table;

-- +downgrade
SELECT 1;
