-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE owners RENAME TO people;

-- +downgrade
SELECT 1;
