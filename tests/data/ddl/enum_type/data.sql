INSERT INTO tickets (id, title) VALUES (1, 'broken'), (2, 'slow');
