-- +upgrade
DROP TRIGGER "log_insert";

DROP TRIGGER "messages_edited";

DROP VIEW "message_count";

DROP VIEW "message_bodies";

-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "messages": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_messages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "body" TEXT NOT NULL,
    "edits" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ck_messages_body" CHECK (length(body) > 0)
);

INSERT INTO "_retort_new_messages" ("id", "body", "edits") SELECT "id", "body", "edits" FROM "messages";

DELETE FROM sqlite_sequence WHERE name = '_retort_new_messages';

INSERT INTO sqlite_sequence (name, seq) SELECT '_retort_new_messages', seq FROM sqlite_sequence WHERE name = 'messages';

DROP TABLE "messages";

ALTER TABLE "_retort_new_messages" RENAME TO "messages";

CREATE INDEX "ix_messages_edits" ON "messages" ("edits");

CREATE TRIGGER log_insert AFTER INSERT ON message_log BEGIN
    UPDATE messages SET edits = edits WHERE id = NEW.message_id;
END;

CREATE TRIGGER messages_edited AFTER UPDATE OF body ON messages BEGIN
    UPDATE messages SET edits = edits + 1 WHERE id = NEW.id;
END;

CREATE VIEW "message_bodies" AS SELECT id, body FROM messages;

CREATE VIEW "message_count" AS SELECT count(*) AS n FROM message_bodies;

-- +downgrade
DROP TRIGGER "log_insert";

DROP TRIGGER "messages_edited";

DROP VIEW "message_count";

DROP VIEW "message_bodies";

-- retort: foreign keys are checked at COMMIT, after the table rebuilds below
PRAGMA defer_foreign_keys = ON;

-- retort: rebuild "messages": SQLite's ALTER TABLE cannot make this change, so the rows move to a new table
CREATE TABLE "_retort_new_messages" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
    "body" TEXT NOT NULL,
    "edits" INTEGER NOT NULL DEFAULT 0
);

INSERT INTO "_retort_new_messages" ("id", "body", "edits") SELECT "id", "body", "edits" FROM "messages";

DELETE FROM sqlite_sequence WHERE name = '_retort_new_messages';

INSERT INTO sqlite_sequence (name, seq) SELECT '_retort_new_messages', seq FROM sqlite_sequence WHERE name = 'messages';

DROP TABLE "messages";

ALTER TABLE "_retort_new_messages" RENAME TO "messages";

CREATE INDEX "ix_messages_edits" ON "messages" ("edits");

CREATE TRIGGER log_insert AFTER INSERT ON message_log BEGIN
    UPDATE messages SET edits = edits WHERE id = NEW.message_id;
END;

CREATE TRIGGER messages_edited AFTER UPDATE OF body ON messages BEGIN
    UPDATE messages SET edits = edits + 1 WHERE id = NEW.id;
END;

CREATE VIEW "message_bodies" AS SELECT id, body FROM messages;

CREATE VIEW "message_count" AS SELECT count(*) AS n FROM message_bodies;
