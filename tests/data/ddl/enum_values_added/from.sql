CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE diary (id INTEGER PRIMARY KEY, mood mood NOT NULL DEFAULT 'happy', moods mood[]);
