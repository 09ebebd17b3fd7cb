-- revision: a0000002
-- down_revision: a0000001

-- +upgrade postgresql
ALTER TABLE accounts ADD COLUMN token UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE accounts ADD COLUMN seen_at TIMESTAMP NOT NULL DEFAULT now();
ALTER TABLE accounts ADD COLUMN seq BIGSERIAL;
ALTER TABLE accounts ADD COLUMN total NUMERIC GENERATED ALWAYS AS (price * 2) STORED;
ALTER TABLE accounts ALTER COLUMN note TYPE jsonb USING note::jsonb;
ALTER TABLE accounts ALTER COLUMN unknown_column TYPE text;

-- +downgrade
SELECT 1;
