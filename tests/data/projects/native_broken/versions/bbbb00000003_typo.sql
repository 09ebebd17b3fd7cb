-- revision: bbbb00000003
-- down_revison: bbbb00000001
-- message: typo

-- +upgrade
SELECT 1;
