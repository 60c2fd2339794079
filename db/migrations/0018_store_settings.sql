CREATE TABLE "store_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"return_window_days" integer NOT NULL,
	"cart_reminders_enabled" boolean NOT NULL,
	"cart_reminder_delay_hours" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_settings_single_row" CHECK ("store_settings"."id" = 1),
	CONSTRAINT "store_settings_ranges" CHECK ("store_settings"."return_window_days" between 0 and 365 and "store_settings"."cart_reminder_delay_hours" between 1 and 720)
);
