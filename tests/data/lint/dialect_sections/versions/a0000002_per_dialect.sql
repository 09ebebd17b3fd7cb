-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
CREATE INDEX ix_items_name ON items (name);

-- +upgrade sqlite
DROP TABLE sqlite_only;

-- +upgrade postgresql
DROP TABLE postgres_only;
CREATE INDEX ix_postgres_only_id ON postgres_only (id);

-- +downgrade
SELECT 1;
