CREATE TABLE settings (
    id INTEGER PRIMARY KEY,
    theme VARCHAR(20) DEFAULT 'light',
    volume INTEGER DEFAULT 5,
    language VARCHAR(10)
);
