-- +upgrade
ALTER TABLE "readings" ADD CONSTRAINT "pk_readings" PRIMARY KEY ("sensor", "taken_at");

-- +downgrade
ALTER TABLE "readings" DROP CONSTRAINT "pk_readings";
