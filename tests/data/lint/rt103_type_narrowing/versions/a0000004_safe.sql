-- revision: a0000004
-- down_revision: a0000002

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
-- Keep the type; new values must fit the narrower limit, old ones stay as they are.
ALTER TABLE accounts ADD CONSTRAINT ck_accounts_code_length CHECK (length(code) <= 10) NOT VALID;

-- +downgrade
SELECT 1;
