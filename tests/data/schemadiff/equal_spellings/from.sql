-- +dialect sqlite
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    code TEXT UNIQUE,
    name varchar(20) NOT NULL DEFAULT 'x',
    qty int DEFAULT (0),
    price numeric(10,2),
    flag boolean NOT NULL DEFAULT false,
    at timestamp DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT ck_items_qty CHECK (qty>=0 AND name<>'')
);
CREATE TABLE tags (name TEXT PRIMARY KEY);
-- +dialect postgresql
CREATE TABLE items (
    id int4 PRIMARY KEY,
    code text UNIQUE,
    name character varying(20) NOT NULL DEFAULT 'x'::character varying,
    qty int DEFAULT (0),
    price decimal(10,2),
    flag bool NOT NULL DEFAULT false,
    at timestamp without time zone DEFAULT now(),
    CONSTRAINT ck_items_qty CHECK (qty>=0 AND name<>'')
);
CREATE TABLE tags (name text PRIMARY KEY);
-- +dialect all
CREATE INDEX ix_items_name ON items (name);
