CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    code VARCHAR(20) NOT NULL,
    stock INTEGER NOT NULL DEFAULT 0,
    note VARCHAR(10)
);
CREATE INDEX ix_products_code ON products (code);
