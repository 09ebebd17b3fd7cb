CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    code VARCHAR(50) NOT NULL,
    stock BIGINT NOT NULL DEFAULT 0,
    note TEXT
);
CREATE INDEX ix_products_code ON products (code);
