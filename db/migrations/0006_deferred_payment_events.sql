ALTER TABLE "payment_events" ADD COLUMN "payment_intent_id" text;--> statement-breakpoint
ALTER TABLE "payment_events" ADD COLUMN "deferred" jsonb;--> statement-breakpoint
CREATE INDEX "payment_events_deferred_idx" ON "payment_events" USING btree ("payment_intent_id") WHERE "payment_events"."deferred" is not null;