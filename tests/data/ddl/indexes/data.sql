INSERT INTO events (id, email, kind, happened_at, deleted)
VALUES (1, 'a@example.org', 'login', '2024-01-01 10:00:00', FALSE),
       (2, 'a@example.org', 'login', '2024-01-02 10:00:00', TRUE);
