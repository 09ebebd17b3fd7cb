CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    email VARCHAR(100) NOT NULL,
    nickname VARCHAR(30),
    status VARCHAR(10) NOT NULL DEFAULT 'open',
    balance INTEGER NOT NULL DEFAULT 0,
    legacy TEXT
);
