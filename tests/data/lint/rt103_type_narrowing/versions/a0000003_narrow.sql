-- revision: a0000003
-- down_revision: a0000002

-- +upgrade postgresql
ALTER TABLE accounts ALTER COLUMN id TYPE integer;
ALTER TABLE accounts ALTER COLUMN name SET DATA TYPE varchar(50);
ALTER TABLE accounts ALTER COLUMN code TYPE varchar(10);
-- Wider, or the same: PostgreSQL changes these in place, and nothing can be cut.
ALTER TABLE accounts ALTER COLUMN note TYPE varchar;
ALTER TABLE accounts ALTER COLUMN price TYPE numeric(12, 2);
ALTER TABLE accounts ALTER COLUMN created_at TYPE date;

-- +downgrade
SELECT 1;
