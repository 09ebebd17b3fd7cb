-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
SET SESSION lock_wait_timeout = 5;
-- Keep the member; stop writing it in the application.
ALTER TABLE accounts MODIFY status ENUM('new', 'active', 'closed') NOT NULL DEFAULT 'new';

-- +downgrade
SELECT 1;
