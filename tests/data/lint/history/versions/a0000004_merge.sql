-- revision: a0000004
-- down_revision: a0000002, a0000003

-- +upgrade postgresql
-- Both branches' tables exist here, and the renamed table kept its columns.
CREATE INDEX ix_left ON left_table (id);
CREATE INDEX ix_right ON right_table (id);
ALTER TABLE renamed_table ALTER COLUMN code TYPE varchar(20);

-- +downgrade
SELECT 1;
