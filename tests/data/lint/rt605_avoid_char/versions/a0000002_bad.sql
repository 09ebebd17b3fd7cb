-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
CREATE TABLE currencies (code CHAR(3) PRIMARY KEY);

-- +downgrade
SELECT 1;
