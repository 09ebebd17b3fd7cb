-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE accounts ADD COLUMN nickname VARCHAR(50) AFTER name;
ALTER TABLE accounts MODIFY note TEXT NOT NULL;

-- +downgrade
SELECT 1;
