-- +upgrade
ALTER TABLE "products" ALTER COLUMN "code" TYPE character varying(50);

ALTER TABLE "products" ALTER COLUMN "stock" DROP DEFAULT;

ALTER TABLE "products" ALTER COLUMN "stock" TYPE bigint USING "stock"::bigint;

ALTER TABLE "products" ALTER COLUMN "stock" SET DEFAULT 0;

ALTER TABLE "products" ALTER COLUMN "note" TYPE text USING "note"::text;

-- +downgrade
-- retort: destructive: RT103 ALTER COLUMN "products"."code" TYPE narrows character varying(50) to character varying(20): values that do not fit fail or are cut
ALTER TABLE "products" ALTER COLUMN "code" TYPE character varying(20);

ALTER TABLE "products" ALTER COLUMN "stock" DROP DEFAULT;

-- retort: destructive: RT103 ALTER COLUMN "products"."stock" TYPE narrows bigint to integer: values that do not fit fail or are cut
ALTER TABLE "products" ALTER COLUMN "stock" TYPE integer USING "stock"::integer;

ALTER TABLE "products" ALTER COLUMN "stock" SET DEFAULT 0;

-- retort: destructive: RT103 ALTER COLUMN "products"."note" TYPE narrows text to character varying(10): values that do not fit fail or are cut
ALTER TABLE "products" ALTER COLUMN "note" TYPE character varying(10) USING "note"::character varying(10);
