CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    email VARCHAR(100),
    nickname VARCHAR(50) NOT NULL
);
