-- Schema for the notes app.
-- Semicolons in this comment; do not count.

CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT 'untitled; really',
    "order" INTEGER, -- a keyword as a name
    [group] TEXT,
    `end` TEXT
);

CREATE INDEX notes_title ON notes (title);

/* Keep an audit trail; one row per change. */
CREATE TRIGGER notes_audit AFTER UPDATE ON notes
WHEN old.title <> new.title
BEGIN
    INSERT INTO audit (note, kind) VALUES (new.id, 'title; changed');
    UPDATE notes SET "order" = CASE WHEN new."order" IS NULL THEN 0 ELSE new."order" END
        WHERE id = new.id;
END;

CREATE VIEW recent AS SELECT * FROM notes WHERE id > 10;
INSERT INTO notes (title) VALUES ('it''s; fine'); INSERT INTO notes (title) VALUES ('two')
;
BEGIN TRANSACTION;
DELETE FROM notes WHERE title = 'END';
COMMIT;
SELECT count(*) FROM notes -- no semicolon at the end
