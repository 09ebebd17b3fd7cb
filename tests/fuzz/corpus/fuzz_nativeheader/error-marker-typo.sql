-- revision: 0a1b2c3d4e5f
-- down_revision: 4f2b1c9d8e7a

-- +upgrade
ALTER TABLE users ADD COLUMN name TEXT;

-- +downgarde
ALTER TABLE users DROP COLUMN name;
