-- Add an index.
-- revision: 0a1b2c3d4e5f
-- down_revison: 4f2b1c9d8e7a

-- +upgrade
CREATE INDEX users_email ON users (email);
