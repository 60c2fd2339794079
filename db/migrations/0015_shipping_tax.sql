CREATE TABLE "category_tax" (
	"category_id" integer NOT NULL,
	"zero_rated" boolean DEFAULT false NOT NULL,
	"stripe_tax_code" text,
	CONSTRAINT "category_tax_category_id_pk" PRIMARY KEY("category_id"),
	CONSTRAINT "category_tax_code" CHECK ("category_tax"."stripe_tax_code" is null or "category_tax"."stripe_tax_code" ~ '^txcd_[0-9]{8}$')
);
--> statement-breakpoint
CREATE TABLE "shipping_methods" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shipping_methods_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"zone_id" integer NOT NULL,
	"name" text NOT NULL,
	"price_cents" integer NOT NULL,
	"free_over_cents" integer,
	"band_basis" text,
	"bands" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_delivery_days" integer NOT NULL,
	"max_delivery_days" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shipping_methods_price" CHECK ("shipping_methods"."price_cents" >= 0 and ("shipping_methods"."free_over_cents" is null or "shipping_methods"."free_over_cents" >= 0)),
	CONSTRAINT "shipping_methods_days" CHECK ("shipping_methods"."min_delivery_days" >= 0 and "shipping_methods"."max_delivery_days" >= "shipping_methods"."min_delivery_days"),
	CONSTRAINT "shipping_methods_band_basis" CHECK ("shipping_methods"."band_basis" is null or "shipping_methods"."band_basis" in ('weight', 'subtotal'))
);
--> statement-breakpoint
CREATE TABLE "shipping_zone_countries" (
	"country" char(2) PRIMARY KEY NOT NULL,
	"zone_id" integer NOT NULL,
	CONSTRAINT "shipping_zone_countries_code" CHECK ("shipping_zone_countries"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "shipping_zones" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "shipping_zones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tax_rates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"country" char(2) NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"rate_ppm" integer NOT NULL,
	"shipping_taxable" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_rates_rate_range" CHECK ("tax_rates"."rate_ppm" >= 0 and "tax_rates"."rate_ppm" <= 1000000)
);
--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "tax_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_mode" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "prices_include_tax" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_method_id" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_method_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "destination_country" char(2);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "destination_region" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "refunds" ADD COLUMN "tax_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "category_tax" ADD CONSTRAINT "category_tax_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_methods" ADD CONSTRAINT "shipping_methods_zone_id_shipping_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."shipping_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shipping_zone_countries" ADD CONSTRAINT "shipping_zone_countries_zone_id_shipping_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."shipping_zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "shipping_methods_zone_idx" ON "shipping_methods" USING btree ("zone_id","position");--> statement-breakpoint
CREATE INDEX "shipping_zone_countries_zone_idx" ON "shipping_zone_countries" USING btree ("zone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tax_rates_place_idx" ON "tax_rates" USING btree ("country",upper("region"));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_shipping_method_id_shipping_methods_id_fk" FOREIGN KEY ("shipping_method_id") REFERENCES "public"."shipping_methods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_tax_nonnegative" CHECK ("orders"."tax_cents" >= 0);--> statement-breakpoint
-- Today's shipping becomes the default zone: every country the address forms accept, Standard $4.95 (free from $50), Express $14.95 and Local pickup.
WITH zone AS (INSERT INTO "shipping_zones" ("name", "position") VALUES ('Everywhere we ship', 0) RETURNING "id"),
countries AS (
	INSERT INTO "shipping_zone_countries" ("country", "zone_id")
	SELECT c, zone."id" FROM zone, unnest(ARRAY['US','CA','GB','IE','DE','FR','NL','ES','IT','SE','AU','NZ']) AS c
)
INSERT INTO "shipping_methods" ("zone_id", "name", "price_cents", "free_over_cents", "min_delivery_days", "max_delivery_days", "position")
SELECT zone."id", m.name, m.price, m.free_over, m.min_days, m.max_days, m.position FROM zone, (VALUES
	('Standard', 495, 5000, 3, 7, 0),
	('Express', 1495, NULL::integer, 1, 2, 1),
	('Local pickup', 0, NULL::integer, 0, 1, 2)
) AS m(name, price, free_over, min_days, max_days, position);--> statement-breakpoint
-- Orders placed before shipping methods shipped with today's only method: Standard.
UPDATE "orders" SET "shipping_method_name" = 'Standard',
	"shipping_method_id" = (SELECT "id" FROM "shipping_methods" WHERE "name" = 'Standard' ORDER BY "id" LIMIT 1),
	"destination_country" = CASE WHEN "shipping_address"->>'country' ~ '^[A-Z]{2}$' THEN "shipping_address"->>'country' END;
