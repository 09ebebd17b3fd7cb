CREATE TABLE staff (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, active BOOLEAN NOT NULL);
CREATE VIEW staff_names AS SELECT id, name FROM staff WHERE active;
CREATE VIEW active_count AS SELECT count(*) AS n FROM staff_names;
