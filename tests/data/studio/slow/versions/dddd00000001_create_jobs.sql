-- revision: dddd00000001
-- down_revision:
-- message: create jobs

-- +upgrade
CREATE TABLE jobs (id INTEGER PRIMARY KEY, name TEXT NOT NULL);

-- +downgrade
DROP TABLE jobs;
