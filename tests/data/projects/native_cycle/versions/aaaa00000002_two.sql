-- revision: aaaa00000002
-- down_revision: aaaa00000001
-- message: two

-- +upgrade
SELECT 1;
