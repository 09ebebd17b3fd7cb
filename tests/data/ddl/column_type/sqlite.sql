-- +upgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "products": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_products" (
    "id" INTEGER,
    "code" VARCHAR(50) NOT NULL,
    "stock" BIGINT NOT NULL DEFAULT 0,
    "note" TEXT,
    PRIMARY KEY ("id")
);

INSERT INTO "_retort_new_products" ("id", "code", "stock", "note") SELECT "id", "code", "stock", "note" FROM "products";

DROP TABLE "products";

ALTER TABLE "_retort_new_products" RENAME TO "products";

CREATE INDEX "ix_products_code" ON "products" ("code");

-- +downgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "products": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_products" (
    "id" INTEGER,
    "code" VARCHAR(20) NOT NULL,
    "stock" INTEGER NOT NULL DEFAULT 0,
    "note" VARCHAR(10),
    PRIMARY KEY ("id")
);

INSERT INTO "_retort_new_products" ("id", "code", "stock", "note") SELECT "id", "code", "stock", "note" FROM "products";

-- retort: destructive: RT103 ALTER COLUMN "products"."code" TYPE narrows varchar(50) to varchar(20): values that do not fit fail or are cut
-- retort: destructive: RT103 ALTER COLUMN "products"."stock" TYPE narrows bigint to integer: values that do not fit fail or are cut
-- retort: destructive: RT103 ALTER COLUMN "products"."note" TYPE narrows text to varchar(10): values that do not fit fail or are cut
DROP TABLE "products";

ALTER TABLE "_retort_new_products" RENAME TO "products";

CREATE INDEX "ix_products_code" ON "products" ("code");
