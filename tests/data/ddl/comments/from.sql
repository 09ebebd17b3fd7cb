CREATE TABLE shelves (id INTEGER PRIMARY KEY, label VARCHAR(20));
COMMENT ON COLUMN shelves.label IS 'printed on the front';
