-- revision: aaaa00000003
-- down_revision: aaaa00000002
-- message: three

-- +upgrade
SELECT 1;
