CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    login VARCHAR(50) NOT NULL,
    realm VARCHAR(20),
    CONSTRAINT uq_accounts_login_realm UNIQUE (login, realm)
);
