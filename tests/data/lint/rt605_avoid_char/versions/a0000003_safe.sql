-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
CREATE TABLE currency_names (code TEXT PRIMARY KEY CHECK (length(code) = 3));

-- +downgrade
SELECT 1;
