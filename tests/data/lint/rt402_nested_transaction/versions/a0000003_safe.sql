-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
CREATE TABLE audit_archive (id BIGINT PRIMARY KEY, note TEXT);

-- +downgrade
SELECT 1;
