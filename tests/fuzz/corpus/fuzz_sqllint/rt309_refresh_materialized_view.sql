CREATE TABLE owners (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL);
CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    owner_id BIGINT CONSTRAINT fk_accounts_owner REFERENCES owners (id),
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX ix_accounts_name ON accounts (name);

CREATE MATERIALIZED VIEW account_totals AS SELECT owner_id, count(*) AS n FROM accounts GROUP BY owner_id;
CREATE UNIQUE INDEX uq_account_totals ON account_totals (owner_id);

REFRESH MATERIALIZED VIEW account_totals;

-- Needs a unique index on the view; reads go on meanwhile.
REFRESH MATERIALIZED VIEW CONCURRENTLY account_totals;

