INSERT INTO "Order Items" ("Id", "select") VALUES (1, 'a'), (2, 'b');
