INSERT INTO cities (id, name, population) VALUES (1, 'Utrecht', 361000), (2, 'Delft', NULL);
