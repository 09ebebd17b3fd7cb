-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
CREATE TABLE events (id BIGINT PRIMARY KEY, happened_at TIMESTAMP NOT NULL);

-- +downgrade
SELECT 1;
