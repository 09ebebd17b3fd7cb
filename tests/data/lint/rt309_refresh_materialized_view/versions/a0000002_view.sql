-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
CREATE MATERIALIZED VIEW account_totals AS SELECT owner_id, count(*) AS n FROM accounts GROUP BY owner_id;
CREATE UNIQUE INDEX uq_account_totals ON account_totals (owner_id);

-- +downgrade
SELECT 1;
