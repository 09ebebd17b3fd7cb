-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
CREATE TABLE event_log (id BIGINT PRIMARY KEY, title VARCHAR(200)) DEFAULT CHARSET=utf8mb4;

-- +downgrade
SELECT 1;
