-- revision: 0a1b2c3d4e5f
-- down_revision:

-- +upgrade
CREATE TABLE notes (body TEXT);

-- +upgrade postgresql
COMMENT ON TABLE notes IS 'what
the user wrote;

-- +downgrade
DROP TABLE notes;
