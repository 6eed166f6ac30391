CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	"user_agent" text DEFAULT '' NOT NULL,
	"address" text,
	CONSTRAINT "sessions_ended_reason_check" CHECK ("sessions"."ended_reason" is null or "sessions"."ended_reason" in ('signed_out', 'signed_out_elsewhere', 'password_changed', 'idle', 'access_removed', 'login_disabled'))
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "staff_idle_timeout_minutes" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limits_expires_idx" ON "rate_limits" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_staff_idle_timeout_range" CHECK ("clinics"."staff_idle_timeout_minutes" between 5 and 720);