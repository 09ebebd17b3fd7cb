-- +upgrade
CREATE TYPE "ticket_state" AS ENUM ('open', 'closed');

ALTER TABLE "tickets" ADD COLUMN "state" ticket_state NOT NULL DEFAULT 'open'::ticket_state;

-- +downgrade
-- retort: destructive: RT102 DROP COLUMN "tickets"."state" deletes the column's data
ALTER TABLE "tickets" DROP COLUMN "state";

DROP TYPE "ticket_state";
