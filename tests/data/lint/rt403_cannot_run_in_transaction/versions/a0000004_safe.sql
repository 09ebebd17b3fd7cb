-- revision: a0000004
-- down_revision: a0000002
-- transactional: false

-- +upgrade postgresql
VACUUM ANALYZE accounts;
ALTER TYPE mood ADD VALUE IF NOT EXISTS 'calm' BEFORE 'happy';

-- +downgrade
SELECT 1;
