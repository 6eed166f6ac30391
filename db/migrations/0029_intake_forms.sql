CREATE TABLE "client_emergency_contacts" (
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"name" text,
	"phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_emergency_contacts_clinic_id_client_id_pk" PRIMARY KEY("clinic_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "form_proposals" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"target" text NOT NULL,
	"proposed" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_value" jsonb,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_proposals_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "form_proposals_status" CHECK ("form_proposals"."status" in ('pending', 'accepted', 'edited', 'dismissed'))
);
--> statement-breakpoint
CREATE TABLE "form_requests" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"sent_by" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kiosk_token_hash" text,
	"kiosk_expires_at" timestamp with time zone,
	CONSTRAINT "form_requests_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "form_requests_status" CHECK ("form_requests"."status" in ('pending', 'signed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "form_submissions" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"signature_method" text NOT NULL,
	"signature_name" text NOT NULL,
	"signature_image_key" text,
	"signature_image_sha256" text,
	"signed_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	"source" text NOT NULL,
	"submitted_by" uuid,
	"content_sha256" text NOT NULL,
	"pdf_key" text,
	"pdf_sha256" text,
	CONSTRAINT "form_submissions_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "form_submissions_method" CHECK ("form_submissions"."signature_method" in ('drawn', 'typed')),
	CONSTRAINT "form_submissions_source" CHECK ("form_submissions"."source" in ('portal', 'kiosk')),
	CONSTRAINT "form_submissions_sha256" CHECK ("form_submissions"."content_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "form_submissions_drawn_has_image" CHECK (("form_submissions"."signature_method" = 'drawn') = ("form_submissions"."signature_image_key" is not null))
);
--> statement-breakpoint
CREATE TABLE "form_templates" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"seed_key" text,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "form_templates_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "form_versions" (
	"clinic_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_versions_clinic_id_template_id_version_pk" PRIMARY KEY("clinic_id","template_id","version"),
	CONSTRAINT "form_versions_version" CHECK ("form_versions"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "offers_dry_needling" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "client_emergency_contacts" ADD CONSTRAINT "client_emergency_contacts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_emergency_contacts" ADD CONSTRAINT "client_emergency_contacts_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_proposals" ADD CONSTRAINT "form_proposals_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_proposals" ADD CONSTRAINT "form_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_proposals" ADD CONSTRAINT "form_proposals_clinic_id_submission_id_form_submissions_clinic_id_id_fk" FOREIGN KEY ("clinic_id","submission_id") REFERENCES "public"."form_submissions"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_proposals" ADD CONSTRAINT "form_proposals_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_requests" ADD CONSTRAINT "form_requests_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_requests" ADD CONSTRAINT "form_requests_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_requests" ADD CONSTRAINT "form_requests_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_requests" ADD CONSTRAINT "form_requests_clinic_id_template_id_version_form_versions_clinic_id_template_id_version_fk" FOREIGN KEY ("clinic_id","template_id","version") REFERENCES "public"."form_versions"("clinic_id","template_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_clinic_id_request_id_form_requests_clinic_id_id_fk" FOREIGN KEY ("clinic_id","request_id") REFERENCES "public"."form_requests"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_clinic_id_template_id_version_form_versions_clinic_id_template_id_version_fk" FOREIGN KEY ("clinic_id","template_id","version") REFERENCES "public"."form_versions"("clinic_id","template_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_templates" ADD CONSTRAINT "form_templates_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_templates" ADD CONSTRAINT "form_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_clinic_id_template_id_form_templates_clinic_id_id_fk" FOREIGN KEY ("clinic_id","template_id") REFERENCES "public"."form_templates"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "form_proposals_client_idx" ON "form_proposals" USING btree ("clinic_id","client_id","status");--> statement-breakpoint
CREATE INDEX "form_requests_client_idx" ON "form_requests" USING btree ("clinic_id","client_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "form_requests_clinic_kiosk_token_key" ON "form_requests" USING btree ("clinic_id","kiosk_token_hash");--> statement-breakpoint
CREATE INDEX "form_requests_kiosk_token_idx" ON "form_requests" USING btree ("kiosk_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "form_submissions_request_key" ON "form_submissions" USING btree ("clinic_id","request_id");--> statement-breakpoint
CREATE INDEX "form_submissions_client_idx" ON "form_submissions" USING btree ("clinic_id","client_id","signed_at");--> statement-breakpoint
-- A signed form is a legal record, like a signed visit: the database refuses to change or
-- delete it. The one permitted update attaches its PDF, rendered afterwards by a job, once
-- (pdf_key from null to a value, nothing else changed). SQLSTATE 55000 as for visits.
CREATE OR REPLACE FUNCTION knotwork_refuse_signed_form_change() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.pdf_key IS NULL AND NEW.pdf_key IS NOT NULL
     AND (to_jsonb(NEW) - 'pdf_key' - 'pdf_sha256') = (to_jsonb(OLD) - 'pdf_key' - 'pdf_sha256') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'signed form % is locked', OLD.id USING ERRCODE = '55000';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER form_submissions_lock
  BEFORE UPDATE OR DELETE ON form_submissions
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_signed_form_change();
--> statement-breakpoint
-- A form version's text never changes: requests and signed forms point at it.
CREATE OR REPLACE FUNCTION knotwork_refuse_form_version_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'form version %/% is fixed once saved', OLD.template_id, OLD.version USING ERRCODE = '55000';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER form_versions_lock
  BEFORE UPDATE OR DELETE ON form_versions
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_form_version_change();
