-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
CREATE TYPE mood AS ENUM ('sad', 'happy');

-- +downgrade
SELECT 1;
