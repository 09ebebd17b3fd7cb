-- +upgrade
ALTER TABLE "accounts" ADD CONSTRAINT "uq_accounts_login_realm" UNIQUE ("login", "realm");

-- +downgrade
ALTER TABLE "accounts" DROP CONSTRAINT "uq_accounts_login_realm";
