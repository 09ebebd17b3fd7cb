CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    email VARCHAR(255) NOT NULL,
    nickname VARCHAR(30) NOT NULL,
    status VARCHAR(10) NOT NULL DEFAULT 'active',
    balance INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP,
    note TEXT
);
