CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    email VARCHAR(100) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    happened_at TIMESTAMP NOT NULL,
    deleted BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_events_kind ON events (kind);
CREATE INDEX ix_events_changing ON events (kind);
