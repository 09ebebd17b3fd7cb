INSERT INTO products (id, code, stock, note) VALUES (1, 'A-1', 5, 'short'), (2, 'B-2', 0, NULL);
