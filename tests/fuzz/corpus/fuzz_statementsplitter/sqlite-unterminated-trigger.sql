CREATE TABLE t (a INTEGER);

CREATE TRIGGER t_insert AFTER INSERT ON t
BEGIN
    INSERT INTO log VALUES (new.a);
    SELECT CASE WHEN new.a > 0 THEN 'positive' END;
-- the END of the trigger is missing
SELECT 1;
