-- +upgrade
DROP VIEW "staff_names";

DROP VIEW "old_view";

CREATE VIEW "staff_names" AS SELECT staff.id,
    staff.name
   FROM staff
  WHERE staff.active;

CREATE VIEW "active_count" AS SELECT count(*) AS n
   FROM staff_names;

-- +downgrade
DROP VIEW "active_count";

DROP VIEW "staff_names";

CREATE VIEW "old_view" AS SELECT staff.id
   FROM staff;

CREATE VIEW "staff_names" AS SELECT staff.name
   FROM staff;
