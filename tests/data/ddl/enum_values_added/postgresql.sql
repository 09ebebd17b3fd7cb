-- +upgrade
ALTER TYPE "mood" ADD VALUE 'grumpy' BEFORE 'sad';

ALTER TYPE "mood" ADD VALUE 'calm' AFTER 'sad';

ALTER TYPE "mood" ADD VALUE 'elated' AFTER 'happy';

-- +downgrade
-- retort: destructive: enum "mood" loses ('grumpy', 'calm', 'elated'): rows holding them make the conversion fail
ALTER TYPE "mood" RENAME TO "_retort_old_mood";

CREATE TYPE "mood" AS ENUM ('sad', 'happy');

ALTER TABLE "diary" ALTER COLUMN "mood" DROP DEFAULT;

ALTER TABLE "diary" ALTER COLUMN "mood" TYPE mood USING "mood"::text::mood;

ALTER TABLE "diary" ALTER COLUMN "mood" SET DEFAULT 'happy'::mood;

ALTER TABLE "diary" ALTER COLUMN "moods" TYPE mood[] USING "moods"::text[]::mood[];

DROP TYPE "_retort_old_mood";
