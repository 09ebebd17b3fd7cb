-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
-- The new name as a view first; rename once no client uses the old name.
CREATE VIEW persons AS SELECT * FROM owners;

-- +downgrade
SELECT 1;
