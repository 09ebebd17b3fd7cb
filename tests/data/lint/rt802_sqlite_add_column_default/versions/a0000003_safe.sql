-- revision: a0000003
-- down_revision: a0000001

-- +upgrade sqlite
ALTER TABLE accounts ADD COLUMN seen_at TIMESTAMP;
UPDATE accounts SET seen_at = CURRENT_TIMESTAMP;

-- +downgrade
SELECT 1;
