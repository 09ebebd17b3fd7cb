CREATE TABLE cities (
    id INTEGER PRIMARY KEY,
    name VARCHAR(50) NOT NULL,
    country VARCHAR(2) NOT NULL DEFAULT 'NL',
    population INTEGER
);
