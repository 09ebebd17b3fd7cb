-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
ALTER TABLE accounts DROP COLUMN note;
ALTER TABLE accounts DROP CONSTRAINT accounts_name_check;
CREATE TABLE fresh (id INTEGER, extra TEXT);
ALTER TABLE fresh DROP COLUMN extra;

-- +upgrade postgresql
ALTER TABLE accounts DROP price, ALTER COLUMN name DROP NOT NULL;

-- +downgrade
ALTER TABLE accounts ADD COLUMN note TEXT;
