-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
CREATE TABLE right_table (id INTEGER, code VARCHAR(30));

-- +downgrade
SELECT 1;
