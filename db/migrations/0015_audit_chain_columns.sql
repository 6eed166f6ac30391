CREATE TABLE "audit_chain_heads" (
	"chain_key" text PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text,
	"ip" text,
	"seq" bigint DEFAULT 0 NOT NULL,
	"prev_hash" text DEFAULT '' NOT NULL,
	"hash" text DEFAULT '' NOT NULL,
	CONSTRAINT "platform_audit_events_seq_key" UNIQUE("seq"),
	CONSTRAINT "platform_audit_events_request_id_len" CHECK (char_length("platform_audit_events"."request_id") <= 100),
	CONSTRAINT "platform_audit_events_ip_len" CHECK (char_length("platform_audit_events"."ip") <= 64)
);
--> statement-breakpoint
DROP INDEX "audit_events_clinic_at_idx";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "request_id" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "platform_audit_events" ADD CONSTRAINT "platform_audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "platform_audit_events_at_idx" ON "platform_audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_clinic_client_at_idx" ON "audit_events" USING btree ("clinic_id","client_id","at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_clinic_actor_at_idx" ON "audit_events" USING btree ("clinic_id","actor_user_id","at","seq");--> statement-breakpoint
CREATE INDEX "audit_events_clinic_at_idx" ON "audit_events" USING btree ("clinic_id","at","seq");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_request_id_len" CHECK (char_length("audit_events"."request_id") <= 100);--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_ip_len" CHECK (char_length("audit_events"."ip") <= 64);