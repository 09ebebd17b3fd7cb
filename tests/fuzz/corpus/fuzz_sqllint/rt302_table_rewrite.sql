CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    note TEXT,
    price NUMERIC(10, 2),
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE owners (id INTEGER PRIMARY KEY);

ALTER TABLE accounts ADD COLUMN token UUID NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE accounts ADD COLUMN seen_at TIMESTAMP NOT NULL DEFAULT now();
ALTER TABLE accounts ADD COLUMN seq BIGSERIAL;
ALTER TABLE accounts ADD COLUMN total NUMERIC GENERATED ALWAYS AS (price * 2) STORED;
ALTER TABLE accounts ALTER COLUMN note TYPE jsonb USING note::jsonb;
ALTER TABLE accounts ALTER COLUMN unknown_column TYPE text;

SET LOCAL lock_timeout = '5s';
-- A nullable column without default is only a catalog change; new rows get the default,
-- old rows are filled in batches afterwards (UPDATE ... WHERE id BETWEEN ...).
ALTER TABLE accounts ADD COLUMN token UUID;
ALTER TABLE accounts ALTER COLUMN token SET DEFAULT gen_random_uuid();

