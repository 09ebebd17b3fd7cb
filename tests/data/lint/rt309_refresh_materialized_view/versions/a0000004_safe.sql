-- revision: a0000004
-- down_revision: a0000002

-- +upgrade postgresql
-- Needs a unique index on the view; reads go on meanwhile.
REFRESH MATERIALIZED VIEW CONCURRENTLY account_totals;

-- +downgrade
SELECT 1;
