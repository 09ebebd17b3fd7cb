-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '30s';
ALTER TABLE accounts ADD COLUMN country VARCHAR(2);

-- +downgrade
SELECT 1;
