CREATE TABLE settings (
    id INTEGER PRIMARY KEY,
    theme VARCHAR(20) DEFAULT 'dark',
    volume INTEGER,
    language VARCHAR(10) DEFAULT 'en'
);
