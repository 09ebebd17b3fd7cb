-- revision: a0000002
-- down_revision: a0000001

-- +upgrade
CREATE TABLE accounts_with_a_name_that_goes_on_well_past_what_postgresql_keeps_in_its_catalog (id BIGINT PRIMARY KEY);

-- +downgrade
SELECT 1;
