-- revision: eeee00000001
-- down_revision:
-- message: create accounts

-- +upgrade
CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO accounts (id, name) VALUES (1, 'kept');

-- +downgrade
DROP TABLE accounts;
