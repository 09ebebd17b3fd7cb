-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
CREATE DOMAIN amount AS NUMERIC(10, 2) CHECK (VALUE >= 0);

-- +downgrade
SELECT 1;
