-- +upgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "accounts": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_accounts" (
    "id" INTEGER,
    "login" VARCHAR(50) NOT NULL,
    "realm" VARCHAR(20),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_accounts_login_realm" UNIQUE ("login", "realm")
);

INSERT INTO "_retort_new_accounts" ("id", "login", "realm") SELECT "id", "login", "realm" FROM "accounts";

DROP TABLE "accounts";

ALTER TABLE "_retort_new_accounts" RENAME TO "accounts";

-- +downgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "accounts": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_accounts" (
    "id" INTEGER,
    "login" VARCHAR(50) NOT NULL,
    "realm" VARCHAR(20),
    PRIMARY KEY ("id")
);

INSERT INTO "_retort_new_accounts" ("id", "login", "realm") SELECT "id", "login", "realm" FROM "accounts";

DROP TABLE "accounts";

ALTER TABLE "_retort_new_accounts" RENAME TO "accounts";
