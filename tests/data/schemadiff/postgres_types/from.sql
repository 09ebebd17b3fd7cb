CREATE TYPE mood AS ENUM ('sad', 'ok');
CREATE TYPE size AS ENUM ('s', 'm', 'l');
CREATE SEQUENCE invoice_numbers START 100;
CREATE TABLE notes (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    body text COLLATE "C",
    m mood,
    words integer GENERATED ALWAYS AS (length(body)) STORED
);
COMMENT ON COLUMN notes.body IS 'the text';
