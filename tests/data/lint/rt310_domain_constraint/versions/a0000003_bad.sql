-- revision: a0000003
-- down_revision: a0000002

-- +upgrade postgresql
ALTER DOMAIN amount ADD CONSTRAINT ck_amount_positive CHECK (VALUE >= 0);

-- +downgrade
SELECT 1;
