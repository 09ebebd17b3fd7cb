-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
-- Also drops the foreign key fk_accounts_owner, silently.
DROP TABLE owners CASCADE;

-- +downgrade
SELECT 1;
