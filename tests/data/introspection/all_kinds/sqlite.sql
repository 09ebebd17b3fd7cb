-- Every kind of object the SQLite introspector reads.
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL COLLATE NOCASE CONSTRAINT uq_accounts_email UNIQUE,
    handle VARCHAR(40) UNIQUE,
    balance NUMERIC(12, 2) NOT NULL DEFAULT 0.00
        CONSTRAINT ck_accounts_balance CHECK (balance >= 0),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open',
                                                          'closed')),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    score REAL DEFAULT (-1.5),
    /* a generated column, computed on read */
    email_domain TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) VIRTUAL,
    balance_cents INTEGER AS (CAST(balance * 100 AS INTEGER)) STORED,
    CONSTRAINT ck_accounts_handle CHECK (handle IS NULL OR length(handle) >= 3),
    CHECK (created_at IS NOT NULL)
);

CREATE TABLE regions (
    code TEXT NOT NULL,
    country TEXT NOT NULL,
    name TEXT NOT NULL,
    CONSTRAINT pk_regions PRIMARY KEY (country, code),
    CONSTRAINT uq_regions_name UNIQUE (country, name)
) WITHOUT ROWID;

CREATE TABLE addresses (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL
        CONSTRAINT fk_addresses_account REFERENCES accounts (id) ON DELETE CASCADE,
    backup_account_id INTEGER REFERENCES accounts ON UPDATE SET NULL ON DELETE SET DEFAULT,
    country TEXT NOT NULL,
    region TEXT,
    line1 TEXT NOT NULL,
    CONSTRAINT fk_addresses_region FOREIGN KEY (country, region)
        REFERENCES regions (country, code) ON DELETE RESTRICT DEFERRABLE INITIALLY DEFERRED,
    UNIQUE (account_id, line1)
);

CREATE TABLE tags (name TEXT PRIMARY KEY, weight INTEGER);

CREATE INDEX ix_accounts_created_at ON accounts (created_at DESC);
CREATE UNIQUE INDEX ix_accounts_lower_handle ON accounts (lower(handle), status COLLATE NOCASE)
    WHERE handle IS NOT NULL;
CREATE INDEX ix_addresses_open ON addresses (account_id)
    WHERE country  =  'NL'   -- Dutch addresses only
      AND region IS NOT NULL;

CREATE VIEW open_accounts AS
    SELECT id, email
    FROM accounts
    WHERE status = 'open';
CREATE VIEW account_count (total) AS SELECT count(*) FROM accounts;

CREATE TRIGGER accounts_touch AFTER UPDATE ON accounts BEGIN
    UPDATE accounts SET created_at = created_at WHERE id = NEW.id;
END;

INSERT INTO accounts (email, balance) VALUES ('a@example.org', 1);
