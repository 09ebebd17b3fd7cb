-- revision: bbbb00000001
-- down_revision:
-- message: fine

-- +upgrade
SELECT 1;
