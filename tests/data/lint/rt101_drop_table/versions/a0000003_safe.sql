-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';

-- +upgrade
-- Keep the rows where they can be found again, then drop the table on purpose.
CREATE TABLE owners_archive AS SELECT * FROM owners;
-- retort:lint-ignore RT101
DROP TABLE owners;

-- +downgrade
SELECT 1;
