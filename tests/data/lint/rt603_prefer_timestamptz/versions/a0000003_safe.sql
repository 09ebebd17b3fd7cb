-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
CREATE TABLE event_log (id BIGINT PRIMARY KEY, happened_at TIMESTAMPTZ NOT NULL);

-- +downgrade
SELECT 1;
