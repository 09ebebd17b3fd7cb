INSERT INTO messages (body) VALUES ('one'), ('two'), ('three');
DELETE FROM messages WHERE body = 'three';
INSERT INTO message_log (message_id, note) VALUES (1, 'kept');
