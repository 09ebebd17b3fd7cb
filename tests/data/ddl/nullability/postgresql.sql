-- +upgrade
ALTER TABLE "people" ALTER COLUMN "email" SET NOT NULL;

ALTER TABLE "people" ALTER COLUMN "nickname" DROP NOT NULL;

-- +downgrade
ALTER TABLE "people" ALTER COLUMN "email" DROP NOT NULL;

ALTER TABLE "people" ALTER COLUMN "nickname" SET NOT NULL;
