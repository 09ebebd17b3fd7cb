-- +upgrade
DROP VIEW "staff_names";

DROP VIEW "old_view";

CREATE VIEW "staff_names" AS SELECT id, name FROM staff WHERE active;

CREATE VIEW "active_count" AS SELECT count(*) AS n FROM staff_names;

-- +downgrade
DROP VIEW "active_count";

DROP VIEW "staff_names";

CREATE VIEW "old_view" AS SELECT id FROM staff;

CREATE VIEW "staff_names" AS SELECT name FROM staff;
