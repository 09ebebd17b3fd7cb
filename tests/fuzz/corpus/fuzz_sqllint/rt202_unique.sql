CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

CREATE UNIQUE INDEX uq_accounts_name ON accounts (name);
CREATE TABLE fresh (id INTEGER, name TEXT);
CREATE UNIQUE INDEX uq_fresh_name ON fresh (name);

ALTER TABLE accounts ADD CONSTRAINT uq_accounts_note UNIQUE (note);
ALTER TABLE accounts ADD CONSTRAINT uq_accounts_name2 UNIQUE USING INDEX uq_accounts_name;

-- Remove the duplicates first (keep the oldest row of each name): the index cannot fail.
DELETE FROM accounts WHERE id NOT IN (SELECT min(id) FROM accounts GROUP BY name);

-- retort:lint-ignore RT202 (duplicates removed above)
CREATE UNIQUE INDEX uq_accounts_name ON accounts (name);

-- retort:lint-ignore RT202 (duplicates removed above)
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS uq_accounts_name ON accounts (name);

