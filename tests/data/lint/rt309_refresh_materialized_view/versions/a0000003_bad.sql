-- revision: a0000003
-- down_revision: a0000002

-- +upgrade postgresql
REFRESH MATERIALIZED VIEW account_totals;

-- +downgrade
SELECT 1;
