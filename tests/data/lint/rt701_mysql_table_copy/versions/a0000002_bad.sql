-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE accounts MODIFY price DECIMAL(14, 2);
ALTER TABLE accounts CONVERT TO CHARACTER SET utf8mb4;

-- +downgrade
SELECT 1;
