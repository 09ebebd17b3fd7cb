-- revision: a0000004
-- down_revision: a0000002

-- +upgrade postgresql
ALTER TYPE mood ADD VALUE 'content' BEFORE 'happy';

-- +downgrade
SELECT 1;
