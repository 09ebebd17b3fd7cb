-- revision: bbbb00000002
-- message: no parent line

-- +upgrade
SELECT 1;
