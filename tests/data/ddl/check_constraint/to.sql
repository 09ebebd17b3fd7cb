CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    quantity INTEGER NOT NULL CONSTRAINT ck_orders_quantity CHECK (quantity BETWEEN 1 AND 1000),
    status VARCHAR(20) NOT NULL
        CONSTRAINT ck_orders_status CHECK (status IN ('new', 'paid', 'sent'))
);
