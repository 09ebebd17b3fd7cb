CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    email VARCHAR(100) NOT NULL,
    nickname VARCHAR(50)
);
