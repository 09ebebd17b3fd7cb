-- revision: a0000001
-- down_revision: 

-- +upgrade postgresql
CREATE SCHEMA reporting;

-- +upgrade postgresql
DROP SCHEMA IF EXISTS reporting CASCADE;

-- +downgrade
SELECT 1;
