-- revision: a0000003
-- down_revision: a0000001
-- transactional: false

-- +upgrade
BEGIN;
CREATE TABLE audit_archive (id BIGINT PRIMARY KEY, note TEXT);
COMMIT;

-- +downgrade
SELECT 1;
