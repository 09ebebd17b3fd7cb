-- +upgrade
ALTER TABLE "cities" ADD COLUMN "country" character varying(2) NOT NULL DEFAULT 'NL'::character varying;

-- +downgrade
-- retort: destructive: RT102 DROP COLUMN "cities"."country" deletes the column's data
ALTER TABLE "cities" DROP COLUMN "country";
