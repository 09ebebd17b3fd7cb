-- revision: eeee00000002
-- down_revision: eeee00000001
-- message: add invoices, broken halfway

-- +upgrade
CREATE TABLE invoices (id INTEGER PRIMARY KEY, account_id INTEGER);
UPDATE accounts SET name = 'changed' WHERE id = 1;
INSERT INTO no_such_table (x) VALUES (1);
CREATE TABLE never_created (id INTEGER);

-- +downgrade
DROP TABLE never_created;
DROP TABLE invoices;
