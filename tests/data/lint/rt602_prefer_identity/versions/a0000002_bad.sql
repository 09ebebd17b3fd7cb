-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
CREATE TABLE events (id BIGSERIAL PRIMARY KEY);

-- +downgrade
SELECT 1;
