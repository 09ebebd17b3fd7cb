-- revision: a0000002
-- down_revision: a0000001

-- +upgrade sqlite
ALTER TABLE accounts ADD COLUMN seen_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP;

-- +downgrade
SELECT 1;
