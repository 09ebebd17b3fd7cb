INSERT INTO teams (id, name) VALUES (1, 'red'), (2, 'blue');
INSERT INTO players (id, team_id, name) VALUES (1, 1, 'ann'), (2, 2, 'bob'), (3, NULL, 'cy');
