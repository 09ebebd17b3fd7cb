-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
-- Empties accounts too, through its foreign key to owners.
TRUNCATE owners CASCADE;

-- +downgrade
SELECT 1;
