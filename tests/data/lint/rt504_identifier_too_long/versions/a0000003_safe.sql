-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
CREATE TABLE accounts_archive (id BIGINT PRIMARY KEY);

-- +downgrade
SELECT 1;
