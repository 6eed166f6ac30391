CREATE TABLE "staff_preferences" (
	"clinic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"algometer_unit" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "staff_preferences_clinic_id_user_id_pk" PRIMARY KEY("clinic_id","user_id"),
	CONSTRAINT "staff_preferences_algometer_unit" CHECK ("staff_preferences"."algometer_unit" is null or "staff_preferences"."algometer_unit" in ('kgf/cm2', 'N/cm2', 'lbf/in2', 'kPa'))
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "algometer_unit" text DEFAULT 'kgf/cm2' NOT NULL;--> statement-breakpoint
ALTER TABLE "staff_preferences" ADD CONSTRAINT "staff_preferences_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_preferences" ADD CONSTRAINT "staff_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_algometer_unit" CHECK ("clinics"."algometer_unit" in ('kgf/cm2', 'N/cm2', 'lbf/in2', 'kPa'));