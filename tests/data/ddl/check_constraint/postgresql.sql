-- +upgrade
ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_quantity";

ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_quantity" CHECK (quantity >= 1 AND quantity <= 1000);

ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_status" CHECK (status::text = ANY (ARRAY['new'::character varying, 'paid'::character varying, 'sent'::character varying]::text[]));

-- +downgrade
ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_quantity";

ALTER TABLE "orders" DROP CONSTRAINT "ck_orders_status";

ALTER TABLE "orders" ADD CONSTRAINT "ck_orders_quantity" CHECK (quantity > 0);
