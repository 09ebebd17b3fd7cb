DROP INDEX ix_accounts_name;

