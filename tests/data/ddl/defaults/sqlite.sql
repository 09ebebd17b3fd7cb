-- +upgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "settings": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_settings" (
    "id" INTEGER,
    "theme" VARCHAR(20) DEFAULT 'dark',
    "volume" INTEGER,
    "language" VARCHAR(10) DEFAULT 'en',
    PRIMARY KEY ("id")
);

INSERT INTO "_retort_new_settings" ("id", "theme", "volume", "language") SELECT "id", "theme", "volume", "language" FROM "settings";

DROP TABLE "settings";

ALTER TABLE "_retort_new_settings" RENAME TO "settings";

-- +downgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "settings": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_settings" (
    "id" INTEGER,
    "theme" VARCHAR(20) DEFAULT 'light',
    "volume" INTEGER DEFAULT 5,
    "language" VARCHAR(10),
    PRIMARY KEY ("id")
);

INSERT INTO "_retort_new_settings" ("id", "theme", "volume", "language") SELECT "id", "theme", "volume", "language" FROM "settings";

DROP TABLE "settings";

ALTER TABLE "_retort_new_settings" RENAME TO "settings";
