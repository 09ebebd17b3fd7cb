-- revision: 9e8d7c6b5a4f
-- down_revision: 1111aaaa2222, 3333bbbb4444 ,5555cccc6666
-- branch_labels: billing, reports
-- depends_on: auth,  4f2b1c9d8e7a
-- transactional: Yes

-- +upgrade
SELECT 1;
SELECT 2
