CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price DECIMAL(10, 2),
    status ENUM('new', 'active', 'closed') NOT NULL DEFAULT 'new'
);

ALTER TABLE accounts ADD COLUMN region VARCHAR(20);

SET SESSION lock_wait_timeout = 5;
ALTER TABLE accounts ADD COLUMN country VARCHAR(2), ALGORITHM=INSTANT, LOCK=DEFAULT;

