-- revision: bbbb00000002
-- down_revision: bbbb00000001
-- message: changes t1, creates t2
-- +upgrade
ALTER TABLE t1 ADD COLUMN note TEXT;
UPDATE t1 SET name = 'changed';
CREATE TABLE t2 (id INTEGER PRIMARY KEY);
CREATE INDEX t2_id ON t2 (id);

-- +downgrade
DROP TABLE t2;
ALTER TABLE t1 DROP COLUMN note;
