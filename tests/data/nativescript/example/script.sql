-- Add users and their sessions.
-- revision: 4f2b1c9d8e7a
-- down_revision: 1a2b3c4d5e6f
-- branch_labels: auth
-- depends_on: 9c8b7a6d5e4f
-- message: add users and sessions
-- create_date: 2026-11-24 02:50:00
-- transactional: false

-- +upgrade
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);

-- +upgrade postgresql
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);

-- +downgrade
DROP TABLE users;
