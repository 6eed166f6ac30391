CREATE TABLE "message_links" (
	"clinic_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"appointment_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_links_clinic_id_token_hash_pk" PRIMARY KEY("clinic_id","token_hash")
);
--> statement-breakpoint
ALTER TABLE "message_links" ADD CONSTRAINT "message_links_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_links" ADD CONSTRAINT "message_links_clinic_id_appointment_id_appointments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_links_token_idx" ON "message_links" USING btree ("token_hash");--> statement-breakpoint
ALTER TABLE "message_links" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "message_links" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "message_links_clinic_isolation" ON "message_links"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
