INSERT INTO invoices (id, number) VALUES (1, 100), (2, 101);
