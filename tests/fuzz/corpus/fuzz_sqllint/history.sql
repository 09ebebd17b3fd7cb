CREATE TABLE base_table (id INTEGER, code VARCHAR(40));

CREATE TABLE left_table (id INTEGER);
ALTER TABLE base_table RENAME TO renamed_table;

CREATE TABLE right_table (id INTEGER, code VARCHAR(30));

-- Both branches' tables exist here, and the renamed table kept its columns.
CREATE INDEX ix_left ON left_table (id);
CREATE INDEX ix_right ON right_table (id);
ALTER TABLE renamed_table ALTER COLUMN code TYPE varchar(20);

-- Dropped and made again in this script: new, so no RT301 for its index.
DROP TABLE left_table;
CREATE TABLE left_table (id INTEGER, code VARCHAR(5));
CREATE INDEX ix_left_again ON left_table (id);
ALTER TABLE left_table RENAME TO left_table2;
CREATE INDEX ix_left_renamed ON left_table2 (code);

