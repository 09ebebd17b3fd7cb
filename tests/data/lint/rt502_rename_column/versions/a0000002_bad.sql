-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE accounts RENAME COLUMN note TO remark;

-- +downgrade
SELECT 1;
