ALTER TYPE "public"."return_status" ADD VALUE 'closed';--> statement-breakpoint
ALTER TABLE "returns" ADD COLUMN "closed_at" timestamp with time zone;