INSERT INTO readings (sensor, taken_at, value) VALUES ('s1', '2024-01-01 00:00:00', 1.5),
    ('s1', '2024-01-01 00:01:00', 2.5);
