-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
-- Retort already runs this script in a transaction.
BEGIN;
CREATE TABLE audit (id BIGINT PRIMARY KEY, note TEXT);
COMMIT;

-- +downgrade
SELECT 1;
