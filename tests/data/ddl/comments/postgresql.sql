-- +upgrade
COMMENT ON TABLE "shelves" IS 'where the books are';

COMMENT ON COLUMN "shelves"."id" IS 'it''s the shelf number';

COMMENT ON COLUMN "shelves"."label" IS NULL;

-- +downgrade
COMMENT ON TABLE "shelves" IS NULL;

COMMENT ON COLUMN "shelves"."id" IS NULL;

COMMENT ON COLUMN "shelves"."label" IS 'printed on the front';
