CREATE TYPE ticket_state AS ENUM ('open', 'closed');
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    title VARCHAR(100) NOT NULL,
    state ticket_state NOT NULL DEFAULT 'open'
);
