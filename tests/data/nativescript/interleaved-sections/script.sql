-- Store prices per currency.
--
-- Free text in the header is ignored, even with colons: like this.
-- See: https://example.com/pricing
-- Note: capitalised words and other prose are ignored too.
-- revision: b2c3d4e5f6a7
-- down_revision: a1b2c3d4e5f6
-- message:   prices per currency   

-- +upgrade
CREATE TABLE prices (id INTEGER PRIMARY KEY, amount NUMERIC, currency TEXT);
-- +downgrade sqlite
DROP TABLE prices;
-- +upgrade mysql
ALTER TABLE prices MODIFY currency CHAR(3);
-- +upgrade   mariadb
ALTER TABLE prices ADD INDEX (currency);
-- +upgrade sqlite
CREATE TRIGGER prices_currency AFTER INSERT ON prices
BEGIN
    UPDATE prices SET currency = upper(new.currency) WHERE id = new.id;
END;
-- +upgrade postgresql
ALTER TABLE prices ALTER COLUMN currency TYPE char(3);
-- +upgrade
INSERT INTO prices (amount, currency) VALUES (1, 'eur'); -- runs last everywhere
-- +downgrade postgresql
DROP TABLE prices CASCADE;
-- +downgrade mysql
DROP TABLE prices;
