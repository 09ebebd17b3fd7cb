-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
CREATE TABLE event_log (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY);

-- +downgrade
SELECT 1;
