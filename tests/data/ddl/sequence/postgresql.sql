-- +upgrade
CREATE SEQUENCE "counters_id_seq" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1 NO CYCLE;

ALTER SEQUENCE "invoice_numbers" AS bigint INCREMENT BY 10 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 1 NO CYCLE;

CREATE SEQUENCE "ticket_numbers" AS integer INCREMENT BY 1 MINVALUE 1 MAXVALUE 99999 START WITH 1 CACHE 1 CYCLE;

CREATE TABLE "counters" (
    "id" integer NOT NULL DEFAULT (nextval('counters_id_seq'::regclass)),
    "label" character varying(20),
    CONSTRAINT "counters_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "invoices" ALTER COLUMN "number" SET DEFAULT (nextval('invoice_numbers'::regclass));

ALTER SEQUENCE "counters_id_seq" OWNED BY "counters"."id";

-- +downgrade
-- retort: destructive: RT101 DROP TABLE "counters" deletes the table and every row in it
DROP TABLE "counters";

ALTER SEQUENCE "invoice_numbers" AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 1 NO CYCLE;

ALTER TABLE "invoices" ALTER COLUMN "number" DROP DEFAULT;

DROP SEQUENCE "ticket_numbers";
