-- revision: a0000003
-- down_revision: a0000002

-- +upgrade postgresql
VACUUM ANALYZE accounts;
-- Before PostgreSQL 12 (the target here is 11).
ALTER TYPE mood ADD VALUE 'calm' BEFORE 'happy';

-- +downgrade
SELECT 1;
