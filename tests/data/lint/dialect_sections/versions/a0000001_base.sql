-- revision: a0000001
-- down_revision: 

-- +upgrade
CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);

-- +upgrade sqlite
CREATE TABLE sqlite_only (id INTEGER);

-- +upgrade postgresql
CREATE TABLE postgres_only (id INTEGER);

-- +downgrade
DROP TABLE items;
