-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE accounts ADD COLUMN code VARCHAR(20);

-- +downgrade
ALTER TABLE accounts DROP COLUMN code;
