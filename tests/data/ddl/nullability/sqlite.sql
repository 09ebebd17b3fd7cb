-- +upgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "people": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_people" (
    "id" INTEGER,
    "email" VARCHAR(100) NOT NULL,
    "nickname" VARCHAR(50),
    PRIMARY KEY ("id")
);

INSERT INTO "_retort_new_people" ("id", "email", "nickname") SELECT "id", "email", "nickname" FROM "people";

DROP TABLE "people";

ALTER TABLE "_retort_new_people" RENAME TO "people";

-- +downgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "people": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_people" (
    "id" INTEGER,
    "email" VARCHAR(100),
    "nickname" VARCHAR(50) NOT NULL,
    PRIMARY KEY ("id")
);

INSERT INTO "_retort_new_people" ("id", "email", "nickname") SELECT "id", "email", "nickname" FROM "people";

DROP TABLE "people";

ALTER TABLE "_retort_new_people" RENAME TO "people";
