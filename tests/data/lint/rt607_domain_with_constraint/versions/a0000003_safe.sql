-- revision: a0000003
-- down_revision: a0000001

-- +upgrade postgresql
CREATE DOMAIN money_amount AS NUMERIC(10, 2);
CREATE TABLE payments (id BIGINT PRIMARY KEY, amount money_amount CHECK (amount >= 0));

-- +downgrade
SELECT 1;
