-- +upgrade
CREATE TABLE "books" (
    "id" INTEGER,
    "author_id" INTEGER NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_books_author" FOREIGN KEY ("author_id") REFERENCES "authors" ("id")
);

CREATE INDEX "ix_books_title" ON "books" ("title");

CREATE TABLE "a_chapters" (
    "id" INTEGER,
    "book_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_chapters_position" UNIQUE ("book_id", "position"),
    CONSTRAINT "fk_chapters_book" FOREIGN KEY ("book_id") REFERENCES "books" ("id") ON DELETE CASCADE
);

-- +downgrade
-- retort: destructive: RT101 DROP TABLE "a_chapters" deletes the table and every row in it
DROP TABLE "a_chapters";

-- retort: destructive: RT101 DROP TABLE "books" deletes the table and every row in it
DROP TABLE "books";
