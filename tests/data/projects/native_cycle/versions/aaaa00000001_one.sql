-- revision: aaaa00000001
-- down_revision: aaaa00000003
-- message: one

-- +upgrade
SELECT 1;
