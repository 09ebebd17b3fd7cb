-- Quoted identifiers of every SQLite style, names that are keywords, odd characters, mixed case.
CREATE TABLE "Order Items" (
    "Id" INTEGER NOT NULL,
    [group] TEXT NOT NULL,
    `select` TEXT,
    "say ""hi""" TEXT DEFAULT 'it''s',
    "check" INTEGER CONSTRAINT "Check, with comma" CHECK ("check" > 0),
    CONSTRAINT "PK Order Items" PRIMARY KEY ("Id"),
    CONSTRAINT [uq (group)] UNIQUE ([group], `select`)
);

CREATE TABLE "Notes" (
    note_id INTEGER PRIMARY KEY,
    "item id" INTEGER CONSTRAINT "fk ""items""" REFERENCES "Order Items" ("Id"),
    body TEXT CHECK (body <> ')')
);

CREATE INDEX "ix ""odd"" name" ON "Notes" ("item id", body || ')');
CREATE VIEW "Note View" AS SELECT "item id" AS "Item" FROM "Notes";
