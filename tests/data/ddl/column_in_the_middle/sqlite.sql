-- +upgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "cities": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_cities" (
    "id" INTEGER,
    "name" VARCHAR(50) NOT NULL,
    "country" VARCHAR(2) NOT NULL DEFAULT 'NL',
    "population" INTEGER,
    PRIMARY KEY ("id")
);

INSERT INTO "_retort_new_cities" ("id", "name", "population") SELECT "id", "name", "population" FROM "cities";

DROP TABLE "cities";

ALTER TABLE "_retort_new_cities" RENAME TO "cities";

-- +downgrade
-- retort: destructive: RT102 DROP COLUMN "cities"."country" deletes the column's data
ALTER TABLE "cities" DROP COLUMN "country";
