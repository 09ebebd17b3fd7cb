-- revision: bbbb00000005
-- down_revision: 
-- branch_labels: other
-- +upgrade
CREATE TABLE e (id INTEGER);

-- +downgrade
DROP TABLE e;
