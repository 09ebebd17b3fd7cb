CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price DECIMAL(10, 2),
    status ENUM('new', 'active', 'closed') NOT NULL DEFAULT 'new'
);

CREATE TABLE events (id BIGINT PRIMARY KEY, title VARCHAR(200)) DEFAULT CHARSET=utf8;

CREATE TABLE event_log (id BIGINT PRIMARY KEY, title VARCHAR(200)) DEFAULT CHARSET=utf8mb4;

