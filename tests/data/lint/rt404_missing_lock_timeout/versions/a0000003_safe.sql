-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
-- Give up after 5 s rather than queue every query behind this one; retry later.
SET LOCAL lock_timeout = '5s';
ALTER TABLE accounts ADD COLUMN country VARCHAR(2);

-- +upgrade mysql
SET SESSION lock_wait_timeout = 5;
ALTER TABLE accounts ADD COLUMN country VARCHAR(2);

-- +downgrade
SELECT 1;
