BEGIN;
-- A plain transaction: every statement stands alone.
CREATE TABLE accounts (id serial PRIMARY KEY, balance numeric DEFAULT 0);
begin transaction isolation level serializable;
UPDATE accounts SET balance = CASE WHEN balance < 0 THEN 0 ELSE balance END;
END;
COMMIT;
