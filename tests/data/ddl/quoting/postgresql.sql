-- +upgrade
ALTER TABLE "Order Items" ADD COLUMN "we""ird" integer;

ALTER TABLE "Order Items" ALTER COLUMN "select" SET NOT NULL;

ALTER TABLE "Order Items" ALTER COLUMN "select" SET DEFAULT 'it''s'::character varying;

ALTER TABLE "Order Items" ADD CONSTRAINT "ck ""odd""" CHECK ("we""ird" > 0);

CREATE INDEX "ix Order Items.select" ON "Order Items" ("select");

CREATE VIEW "Item View" AS SELECT "Order Items"."Id",
    "Order Items"."select"
   FROM "Order Items";

-- +downgrade
DROP VIEW "Item View";

ALTER TABLE "Order Items" DROP CONSTRAINT "ck ""odd""";

DROP INDEX "ix Order Items.select";

-- retort: destructive: RT102 DROP COLUMN "order items"."we"ird" deletes the column's data
ALTER TABLE "Order Items" DROP COLUMN "we""ird";

ALTER TABLE "Order Items" ALTER COLUMN "select" DROP DEFAULT;

ALTER TABLE "Order Items" ALTER COLUMN "select" DROP NOT NULL;
