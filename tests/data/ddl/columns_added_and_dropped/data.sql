INSERT INTO notes (id, body, legacy_flag) VALUES (1, 'first', 1), (2, 'second', NULL);
