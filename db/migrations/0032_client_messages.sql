ALTER TABLE "email_outbox" ADD COLUMN "body_html" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "client_id" uuid;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "appointment_id" uuid;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "about" jsonb;--> statement-breakpoint
CREATE INDEX "email_outbox_client_idx" ON "email_outbox" USING btree ("clinic_id","client_id","created_at");--> statement-breakpoint
CREATE INDEX "email_outbox_appointment_idx" ON "email_outbox" USING btree ("clinic_id","appointment_id","created_at");