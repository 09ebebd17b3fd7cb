INSERT INTO authors (id, name) VALUES (1, 'Ada'), (2, 'Brian');
