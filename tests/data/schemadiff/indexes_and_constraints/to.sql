CREATE TABLE parents (id INTEGER PRIMARY KEY, code VARCHAR(10) NOT NULL,
    CONSTRAINT uq_parents_code UNIQUE (code));
CREATE TABLE children (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER CONSTRAINT fk_children_parent REFERENCES parents (id) ON DELETE SET NULL,
    name VARCHAR(50) NOT NULL,
    age INTEGER CONSTRAINT ck_children_age CHECK (age >= 1),
    CONSTRAINT uq_children_name UNIQUE (name, age)
);
CREATE INDEX ix_children_age ON children (age DESC);
CREATE UNIQUE INDEX ix_children_name_age ON children (name, age);
CREATE INDEX ix_children_added ON children (name) WHERE age > 17;
