-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
CREATE TABLE events (happened_at TIMESTAMP, message TEXT);

-- +downgrade
SELECT 1;
