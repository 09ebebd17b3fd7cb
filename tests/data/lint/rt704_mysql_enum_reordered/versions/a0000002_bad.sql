-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE accounts MODIFY status ENUM('new', 'pending', 'active', 'closed') NOT NULL DEFAULT 'new';

-- +downgrade
SELECT 1;
