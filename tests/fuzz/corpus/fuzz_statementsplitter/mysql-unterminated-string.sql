INSERT INTO t VALUES ('ok');
# a comment with a quote: it's fine
INSERT INTO t VALUES ('broken\');
INSERT INTO t VALUES ('next');
