INSERT INTO diary (id, mood, moods) VALUES (1, 'sad', '{sad,happy}'), (2, 'happy', NULL);
