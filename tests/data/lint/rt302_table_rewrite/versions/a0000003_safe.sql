-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
-- A nullable column without default is only a catalog change; new rows get the default,
-- old rows are filled in batches afterwards (UPDATE ... WHERE id BETWEEN ...).
ALTER TABLE accounts ADD COLUMN token UUID;
ALTER TABLE accounts ALTER COLUMN token SET DEFAULT gen_random_uuid();

-- +downgrade
SELECT 1;
