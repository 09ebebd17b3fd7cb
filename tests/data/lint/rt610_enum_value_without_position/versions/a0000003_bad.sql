-- revision: a0000003
-- down_revision: a0000002

-- +upgrade postgresql
ALTER TYPE mood ADD VALUE 'calm';

-- +downgrade
SELECT 1;
