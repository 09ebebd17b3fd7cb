CREATE TYPE mood AS ENUM ('grumpy', 'sad', 'calm', 'happy', 'elated');
CREATE TABLE diary (id INTEGER PRIMARY KEY, mood mood NOT NULL DEFAULT 'happy', moods mood[]);
