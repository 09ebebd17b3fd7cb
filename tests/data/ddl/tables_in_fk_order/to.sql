-- Named so that alphabetical order is the wrong creation order.
CREATE TABLE authors (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
CREATE TABLE books (
    id INTEGER PRIMARY KEY,
    author_id INTEGER NOT NULL CONSTRAINT fk_books_author REFERENCES authors (id),
    title VARCHAR(200) NOT NULL
);
CREATE TABLE a_chapters (
    id INTEGER PRIMARY KEY,
    book_id INTEGER NOT NULL CONSTRAINT fk_chapters_book REFERENCES books (id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT uq_chapters_position UNIQUE (book_id, position)
);
CREATE INDEX ix_books_title ON books (title);
