-- revision: a0000001
-- down_revision: 

-- +upgrade
CREATE TABLE base_table (id INTEGER, code VARCHAR(40));

-- +downgrade
DROP TABLE base_table;
