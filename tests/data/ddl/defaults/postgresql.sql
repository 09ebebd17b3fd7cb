-- +upgrade
ALTER TABLE "settings" ALTER COLUMN "theme" SET DEFAULT 'dark'::character varying;

ALTER TABLE "settings" ALTER COLUMN "volume" DROP DEFAULT;

ALTER TABLE "settings" ALTER COLUMN "language" SET DEFAULT 'en'::character varying;

-- +downgrade
ALTER TABLE "settings" ALTER COLUMN "theme" SET DEFAULT 'light'::character varying;

ALTER TABLE "settings" ALTER COLUMN "volume" SET DEFAULT 5;

ALTER TABLE "settings" ALTER COLUMN "language" DROP DEFAULT;
