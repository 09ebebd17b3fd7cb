-- revision: a0000004
-- down_revision: a0000003

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
-- ...and becomes the constraint's index in a moment.
ALTER TABLE accounts ADD CONSTRAINT uq_accounts_name UNIQUE USING INDEX uq_accounts_name_index;

-- +downgrade
SELECT 1;
