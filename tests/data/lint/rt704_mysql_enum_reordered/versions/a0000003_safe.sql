-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
SET SESSION lock_wait_timeout = 5;
-- Appended last: MySQL only changes the table's definition.
ALTER TABLE accounts MODIFY status ENUM('new', 'active', 'closed', 'pending') NOT NULL DEFAULT 'new';

-- +downgrade
SELECT 1;
