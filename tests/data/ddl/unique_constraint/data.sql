INSERT INTO accounts (id, login, realm) VALUES (1, 'ada', 'x'), (2, 'ada', 'y');
