-- +upgrade
-- retort: destructive: RT102 DROP COLUMN "notes"."legacy_flag" deletes the column's data
ALTER TABLE "notes" DROP COLUMN "legacy_flag";

ALTER TABLE "notes" ADD COLUMN "pinned" boolean NOT NULL DEFAULT false;

ALTER TABLE "notes" ADD COLUMN "color" character varying(20);

-- +downgrade
-- retort: destructive: RT102 DROP COLUMN "notes"."pinned" deletes the column's data
ALTER TABLE "notes" DROP COLUMN "pinned";

-- retort: destructive: RT102 DROP COLUMN "notes"."color" deletes the column's data
ALTER TABLE "notes" DROP COLUMN "color";

ALTER TABLE "notes" ADD COLUMN "legacy_flag" integer;
