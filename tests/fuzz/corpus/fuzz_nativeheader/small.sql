-- revision: a1
-- down_revision: b1, c2
-- transactional: off
-- +upgrade sqlite
SELECT 1;
-- +downgrade
