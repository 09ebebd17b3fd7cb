CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);

CREATE TABLE sqlite_only (id INTEGER);

CREATE TABLE postgres_only (id INTEGER);

CREATE INDEX ix_items_name ON items (name);

DROP TABLE sqlite_only;

DROP TABLE postgres_only;
CREATE INDEX ix_postgres_only_id ON postgres_only (id);

