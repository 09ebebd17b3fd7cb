-- +upgrade
DROP INDEX "ix_events_changing";

DROP INDEX "ix_events_kind";

CREATE INDEX "ix_events_changing" ON "events" ("kind", "happened_at" DESC);

CREATE INDEX "ix_events_email_lower" ON "events" (lower(email));

CREATE UNIQUE INDEX "uq_events_email_live" ON "events" ("email") WHERE deleted = FALSE;

-- +downgrade
DROP INDEX "ix_events_changing";

DROP INDEX "ix_events_email_lower";

DROP INDEX "uq_events_email_live";

CREATE INDEX "ix_events_changing" ON "events" ("kind");

CREATE INDEX "ix_events_kind" ON "events" ("kind");
