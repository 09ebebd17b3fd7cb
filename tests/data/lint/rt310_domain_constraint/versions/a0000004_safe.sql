-- revision: a0000004
-- down_revision: a0000002

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';
ALTER DOMAIN amount ADD CONSTRAINT ck_amount_not_negative CHECK (VALUE >= 0) NOT VALID;
ALTER DOMAIN amount VALIDATE CONSTRAINT ck_amount_not_negative;

-- +downgrade
SELECT 1;
