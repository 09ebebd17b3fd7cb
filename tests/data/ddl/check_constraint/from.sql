CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    quantity INTEGER NOT NULL CONSTRAINT ck_orders_quantity CHECK (quantity > 0),
    status VARCHAR(20) NOT NULL
);
