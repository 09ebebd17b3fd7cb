-- +upgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "orders": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_orders" (
    "id" INTEGER,
    "quantity" INTEGER NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    PRIMARY KEY ("id"),
    CONSTRAINT "ck_orders_quantity" CHECK (quantity BETWEEN 1 AND 1000),
    CONSTRAINT "ck_orders_status" CHECK (status IN ('new', 'paid', 'sent'))
);

INSERT INTO "_retort_new_orders" ("id", "quantity", "status") SELECT "id", "quantity", "status" FROM "orders";

DROP TABLE "orders";

ALTER TABLE "_retort_new_orders" RENAME TO "orders";

-- +downgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "orders": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_orders" (
    "id" INTEGER,
    "quantity" INTEGER NOT NULL,
    "status" VARCHAR(20) NOT NULL,
    PRIMARY KEY ("id"),
    CONSTRAINT "ck_orders_quantity" CHECK (quantity > 0)
);

INSERT INTO "_retort_new_orders" ("id", "quantity", "status") SELECT "id", "quantity", "status" FROM "orders";

DROP TABLE "orders";

ALTER TABLE "_retort_new_orders" RENAME TO "orders";
