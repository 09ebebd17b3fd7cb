-- +upgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "readings": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_readings" (
    "sensor" VARCHAR(20) NOT NULL,
    "taken_at" TIMESTAMP NOT NULL,
    "value" REAL,
    CONSTRAINT "pk_readings" PRIMARY KEY ("sensor", "taken_at")
);

INSERT INTO "_retort_new_readings" ("sensor", "taken_at", "value") SELECT "sensor", "taken_at", "value" FROM "readings";

DROP TABLE "readings";

ALTER TABLE "_retort_new_readings" RENAME TO "readings";

-- +downgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "readings": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_readings" (
    "sensor" VARCHAR(20) NOT NULL,
    "taken_at" TIMESTAMP NOT NULL,
    "value" REAL
);

INSERT INTO "_retort_new_readings" ("sensor", "taken_at", "value") SELECT "sensor", "taken_at", "value" FROM "readings";

DROP TABLE "readings";

ALTER TABLE "_retort_new_readings" RENAME TO "readings";
