-- +upgrade
CREATE TABLE "books" (
    "id" integer NOT NULL,
    "author_id" integer NOT NULL,
    "title" character varying(200) NOT NULL,
    CONSTRAINT "books_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "fk_books_author" FOREIGN KEY ("author_id") REFERENCES "authors" ("id")
);

CREATE TABLE "a_chapters" (
    "id" integer NOT NULL,
    "book_id" integer NOT NULL,
    "position" integer NOT NULL DEFAULT 1,
    CONSTRAINT "a_chapters_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "uq_chapters_position" UNIQUE ("book_id", "position"),
    CONSTRAINT "fk_chapters_book" FOREIGN KEY ("book_id") REFERENCES "books" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_books_title" ON "books" ("title");

-- +downgrade
-- retort: destructive: RT101 DROP TABLE "a_chapters" deletes the table and every row in it
DROP TABLE "a_chapters";

-- retort: destructive: RT101 DROP TABLE "books" deletes the table and every row in it
DROP TABLE "books";
