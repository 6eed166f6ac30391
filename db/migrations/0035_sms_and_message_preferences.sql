ALTER TABLE "clinics" ADD COLUMN "sms_quiet_start_minute" integer;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "sms_quiet_end_minute" integer;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "message_channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "sms_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "sms_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "sms_consent_source" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "delivery_status" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "delivery_updated_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "email_outbox_provider_message_key" ON "email_outbox" USING btree ("provider_message_id");--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_sms_quiet_hours" CHECK (("clinics"."sms_quiet_start_minute" is null and "clinics"."sms_quiet_end_minute" is null) or ("clinics"."sms_quiet_start_minute" between 0 and 1439 and "clinics"."sms_quiet_end_minute" between 0 and 1439 and "clinics"."sms_quiet_start_minute" <> "clinics"."sms_quiet_end_minute"));--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_message_channel" CHECK ("clients"."message_channel" in ('email', 'sms', 'both', 'none'));--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_sms_consent_source" CHECK ("clients"."sms_consent_source" is null or "clients"."sms_consent_source" in ('staff', 'portal'));--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_sms_needs_consent" CHECK ("clients"."message_channel" not in ('sms', 'both') or "clients"."sms_consent");--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_channel" CHECK ("email_outbox"."channel" in ('email', 'sms'));