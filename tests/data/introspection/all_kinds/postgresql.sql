-- Every kind of object the PostgreSQL introspector reads, in two schemas.
CREATE SCHEMA billing;

CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE billing.currency AS ENUM ('EUR', 'USD', 'JPY');
ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';

CREATE SEQUENCE invoice_numbers AS integer START WITH 1000 INCREMENT BY 10
    MINVALUE 1000 MAXVALUE 999999 CACHE 5 CYCLE;

CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE accounts (
    id integer GENERATED ALWAYS AS IDENTITY,
    email varchar(255) COLLATE "C" NOT NULL,
    handle text,
    balance numeric(12, 2) NOT NULL DEFAULT 0,
    feeling mood DEFAULT 'ok',
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    tags text[] NOT NULL DEFAULT '{}',
    balance_cents bigint GENERATED ALWAYS AS ((balance * 100)::bigint) STORED,
    CONSTRAINT pk_accounts PRIMARY KEY (id),
    CONSTRAINT uq_accounts_email UNIQUE (email) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT ck_accounts_balance CHECK (balance >= 0),
    CONSTRAINT ck_accounts_handle CHECK (handle IS NULL OR length(handle) >= 3)
);
COMMENT ON TABLE accounts IS 'People who pay';
COMMENT ON COLUMN accounts.email IS 'Login name, compared byte-wise';

CREATE TABLE billing.invoices (
    number integer NOT NULL DEFAULT nextval('invoice_numbers'),
    id bigserial PRIMARY KEY,
    account_id integer NOT NULL,
    currency billing.currency NOT NULL DEFAULT 'EUR',
    total numeric(12, 2) NOT NULL,
    paid_at timestamp,
    CONSTRAINT fk_invoices_account FOREIGN KEY (account_id) REFERENCES public.accounts (id)
        ON UPDATE CASCADE ON DELETE RESTRICT,
    CONSTRAINT uq_invoices_number UNIQUE (number)
);

CREATE TABLE billing.invoice_lines (
    invoice_id bigint NOT NULL,
    line_no smallint NOT NULL,
    account_id integer,
    amount numeric(12, 2) NOT NULL CHECK (amount <> 0),
    search tsvector,
    PRIMARY KEY (invoice_id, line_no),
    FOREIGN KEY (invoice_id) REFERENCES billing.invoices (id) ON DELETE CASCADE,
    CONSTRAINT fk_lines_account FOREIGN KEY (account_id) REFERENCES accounts (id)
        MATCH FULL ON DELETE SET NULL DEFERRABLE
);

CREATE UNIQUE INDEX ix_accounts_lower_handle ON accounts (lower(handle) DESC NULLS LAST, id)
    INCLUDE (feeling) WHERE handle IS NOT NULL;
CREATE INDEX ix_accounts_created_at ON accounts (created_at DESC);
CREATE INDEX ix_accounts_balance ON accounts (balance NULLS FIRST);
CREATE INDEX ix_lines_search ON billing.invoice_lines USING gin (search);
CREATE INDEX ix_invoices_unpaid ON billing.invoices USING btree (account_id) WHERE paid_at IS NULL;

CREATE VIEW open_invoices AS
    SELECT i.id, a.email FROM billing.invoices AS i JOIN accounts AS a ON a.id = i.account_id
    WHERE i.paid_at IS NULL;
CREATE MATERIALIZED VIEW billing.totals AS
    SELECT account_id, sum(total) AS total FROM billing.invoices GROUP BY account_id;
