-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
CREATE TABLE events (id BIGINT PRIMARY KEY, title VARCHAR(200)) DEFAULT CHARSET=utf8;

-- +downgrade
SELECT 1;
