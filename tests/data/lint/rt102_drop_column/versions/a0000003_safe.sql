-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
SET LOCAL lock_timeout = '5s';

-- +upgrade
-- Keep the values where they can be found again, then drop the column on purpose.
CREATE TABLE accounts_note_archive AS SELECT id, note FROM accounts;
-- retort:lint-ignore RT102
ALTER TABLE accounts DROP COLUMN note;

-- +downgrade
SELECT 1;
