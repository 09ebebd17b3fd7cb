-- +upgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "players": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_players" (
    "id" INTEGER,
    "team_id" INTEGER,
    "name" VARCHAR(50) NOT NULL,
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_players_team" FOREIGN KEY ("team_id") REFERENCES "teams" ("id") ON DELETE SET NULL
);

INSERT INTO "_retort_new_players" ("id", "team_id", "name") SELECT "id", "team_id", "name" FROM "players";

DROP TABLE "players";

ALTER TABLE "_retort_new_players" RENAME TO "players";

-- +downgrade
-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "players": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_players" (
    "id" INTEGER,
    "team_id" INTEGER,
    "name" VARCHAR(50) NOT NULL,
    PRIMARY KEY ("id")
);

INSERT INTO "_retort_new_players" ("id", "team_id", "name") SELECT "id", "team_id", "name" FROM "players";

DROP TABLE "players";

ALTER TABLE "_retort_new_players" RENAME TO "players";
