-- Same schema as from.sql, spelled differently: no difference may be reported.
CREATE TABLE tags (name TEXT NOT NULL PRIMARY KEY);
CREATE TABLE items (
    id INTEGER NOT NULL PRIMARY KEY,
    code TEXT,
    flag BOOLEAN NOT NULL DEFAULT FALSE,
    name VARCHAR(20) NOT NULL DEFAULT 'x',
    qty INTEGER DEFAULT 0,
    price NUMERIC(10, 2),
    at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ck_items_qty CHECK ( qty >= 0
        AND name <> '' ),
    UNIQUE (code)
);
CREATE INDEX ix_items_name ON items (name);
