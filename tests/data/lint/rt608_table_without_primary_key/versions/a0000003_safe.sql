-- revision: a0000003
-- down_revision: a0000001

-- +upgrade
CREATE TABLE event_log (id BIGINT PRIMARY KEY, happened_at TIMESTAMP, message TEXT);

-- +downgrade
SELECT 1;
