CREATE TABLE shelves (id INTEGER PRIMARY KEY, label VARCHAR(20));
COMMENT ON TABLE shelves IS 'where the books are';
COMMENT ON COLUMN shelves.id IS 'it''s the shelf number';
