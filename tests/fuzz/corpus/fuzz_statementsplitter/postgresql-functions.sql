/* Functions for the billing schema.
   /* Nested comments are fine here; */ still a comment; */
SET search_path = billing, public;

CREATE FUNCTION add_invoice(customer integer, amount numeric) RETURNS integer
LANGUAGE plpgsql AS $fn$
DECLARE
    new_id integer;
BEGIN
    -- A $$ inside this body is just text; so is 'this.
    INSERT INTO invoices (customer, amount) VALUES (customer, amount) RETURNING id INTO new_id;
    EXECUTE $$SELECT 1;$$;
    RETURN new_id;
END;
$fn$;

CREATE FUNCTION total(customer integer) RETURNS numeric
LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN count(*) = 0 THEN 0 ELSE sum(amount) END
        FROM invoices WHERE invoices.customer = total.customer;
END;

PREPARE find_invoice(integer) AS SELECT * FROM invoices WHERE id = $1;
SELECT E'tab\tand quote \' ; here', 'plain \ backslash';
CREATE TABLE "weird;name" (cost$usd numeric, "a""b" text);
DO $$ BEGIN RAISE NOTICE 'done;'; END $$
