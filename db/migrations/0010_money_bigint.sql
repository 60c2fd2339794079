-- Order money as bigint: a total can pass 2^31 cents ($21,474,836.47) even when every price and quantity is bounded.
-- One ALTER per table, so each table is rewritten once.
ALTER TABLE "orders" ALTER COLUMN "subtotal_cents" SET DATA TYPE bigint, ALTER COLUMN "shipping_cents" SET DATA TYPE bigint, ALTER COLUMN "total_cents" SET DATA TYPE bigint, ALTER COLUMN "refunded_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "order_items" ALTER COLUMN "unit_price_cents" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "refunds" ALTER COLUMN "amount_cents" SET DATA TYPE bigint;
