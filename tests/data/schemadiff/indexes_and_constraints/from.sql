CREATE TABLE parents (id INTEGER PRIMARY KEY, code VARCHAR(10) NOT NULL);
CREATE TABLE children (
    id INTEGER PRIMARY KEY,
    parent_id INTEGER CONSTRAINT fk_children_parent REFERENCES parents (id) ON DELETE CASCADE,
    name VARCHAR(50) NOT NULL,
    age INTEGER CONSTRAINT ck_children_age CHECK (age >= 0),
    CONSTRAINT uq_children_name UNIQUE (name)
);
CREATE INDEX ix_children_age ON children (age);
CREATE INDEX ix_children_name_age ON children (name, age);
CREATE INDEX ix_children_dropped ON children (parent_id);
