-- +upgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "Order Items": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_Order Items" (
    "Id" INTEGER,
    "select" VARCHAR(10) NOT NULL DEFAULT 'it''s',
    "we""ird" INTEGER,
    PRIMARY KEY ("Id"),
    CONSTRAINT "ck ""odd""" CHECK ("we""ird" > 0)
);

INSERT INTO "_retort_new_Order Items" ("Id", "select") SELECT "Id", "select" FROM "Order Items";

DROP TABLE "Order Items";

ALTER TABLE "_retort_new_Order Items" RENAME TO "Order Items";

CREATE INDEX "ix Order Items.select" ON "Order Items" ("select");

CREATE VIEW "Item View" AS SELECT "Id", "select" FROM "Order Items";

-- +downgrade
DROP VIEW "Item View";

-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "Order Items": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_Order Items" (
    "Id" INTEGER,
    "select" VARCHAR(10),
    PRIMARY KEY ("Id")
);

INSERT INTO "_retort_new_Order Items" ("Id", "select") SELECT "Id", "select" FROM "Order Items";

-- retort: destructive: RT102 DROP COLUMN "order items"."we"ird" deletes the column's data
DROP TABLE "Order Items";

ALTER TABLE "_retort_new_Order Items" RENAME TO "Order Items";
