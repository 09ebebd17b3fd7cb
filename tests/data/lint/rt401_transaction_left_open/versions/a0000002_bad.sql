-- revision: a0000002
-- down_revision: a0000001
-- transactional: false

-- +upgrade
BEGIN;
CREATE TABLE audit (id BIGINT PRIMARY KEY, note TEXT);

-- +downgrade
SELECT 1;
