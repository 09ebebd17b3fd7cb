CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

CREATE INDEX ix_accounts_name ON accounts (name);
CREATE TABLE fresh (id INTEGER, name TEXT);
CREATE INDEX ix_fresh_name ON fresh (name);

CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_accounts_note ON accounts (note);

CREATE INDEX ix_accounts_note ON accounts (note);

