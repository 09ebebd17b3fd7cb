-- revision: eeee00000002
-- down_revision: eeee00000001
-- message: an index built without blocking writes
-- transactional: false

-- +upgrade
CREATE INDEX CONCURRENTLY items_name_idx ON items (name);

-- +downgrade
DROP INDEX CONCURRENTLY items_name_idx;
