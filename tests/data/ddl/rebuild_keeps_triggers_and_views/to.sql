CREATE TABLE messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body TEXT NOT NULL CONSTRAINT ck_messages_body CHECK (length(body) > 0),
    edits INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE message_log (message_id INTEGER NOT NULL, note TEXT);
CREATE INDEX ix_messages_edits ON messages (edits);
CREATE VIEW message_bodies AS SELECT id, body FROM messages;
CREATE VIEW message_count AS SELECT count(*) AS n FROM message_bodies;
CREATE TRIGGER messages_edited AFTER UPDATE OF body ON messages BEGIN
    UPDATE messages SET edits = edits + 1 WHERE id = NEW.id;
END;
CREATE TRIGGER log_insert AFTER INSERT ON message_log BEGIN
    UPDATE messages SET edits = edits WHERE id = NEW.message_id;
END;
