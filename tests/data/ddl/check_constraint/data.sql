INSERT INTO orders (id, quantity, status) VALUES (1, 3, 'new'), (2, 10, 'paid');
