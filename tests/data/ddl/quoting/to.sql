CREATE TABLE "Order Items" (
    "Id" INTEGER PRIMARY KEY,
    "select" VARCHAR(10) NOT NULL DEFAULT 'it''s',
    "we""ird" INTEGER CONSTRAINT "ck ""odd""" CHECK ("we""ird" > 0)
);
CREATE INDEX "ix Order Items.select" ON "Order Items" ("select");
CREATE VIEW "Item View" AS SELECT "Id", "select" FROM "Order Items";
