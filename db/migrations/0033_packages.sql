CREATE TABLE "client_packages" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type_ids" uuid[] NOT NULL,
	"sessions_total" integer NOT NULL,
	"sessions_used" integer DEFAULT 0 NOT NULL,
	"price_minor" bigint NOT NULL,
	"expires_on" date NOT NULL,
	"sold_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_packages_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "client_packages_total" CHECK ("client_packages"."sessions_total" > 0),
	CONSTRAINT "client_packages_used" CHECK ("client_packages"."sessions_used" between 0 and "client_packages"."sessions_total"),
	CONSTRAINT "client_packages_price" CHECK ("client_packages"."price_minor" between 0 and 1000000000000)
);
--> statement-breakpoint
CREATE TABLE "package_plan_types" (
	"clinic_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	CONSTRAINT "package_plan_types_clinic_id_plan_id_type_id_pk" PRIMARY KEY("clinic_id","plan_id","type_id")
);
--> statement-breakpoint
CREATE TABLE "package_plans" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"sessions" integer NOT NULL,
	"price_minor" bigint NOT NULL,
	"tax_rate_id" uuid,
	"validity_days" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "package_plans_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "package_plans_sessions" CHECK ("package_plans"."sessions" between 1 and 100),
	CONSTRAINT "package_plans_price" CHECK ("package_plans"."price_minor" between 0 and 1000000000000),
	CONSTRAINT "package_plans_validity" CHECK ("package_plans"."validity_days" between 1 and 3660)
);
--> statement-breakpoint
CREATE TABLE "package_redemptions" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"session_number" integer NOT NULL,
	"redeemed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"returned_at" timestamp with time zone,
	CONSTRAINT "package_redemptions_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "package_redemptions_session" CHECK ("package_redemptions"."session_number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "client_packages" ADD CONSTRAINT "client_packages_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_packages" ADD CONSTRAINT "client_packages_sold_by_users_id_fk" FOREIGN KEY ("sold_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_packages" ADD CONSTRAINT "client_packages_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_packages" ADD CONSTRAINT "client_packages_clinic_id_plan_id_package_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."package_plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_packages" ADD CONSTRAINT "client_packages_clinic_id_invoice_id_invoices_clinic_id_id_fk" FOREIGN KEY ("clinic_id","invoice_id") REFERENCES "public"."invoices"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_plan_types" ADD CONSTRAINT "package_plan_types_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_plan_types" ADD CONSTRAINT "package_plan_types_clinic_id_plan_id_package_plans_clinic_id_id_fk" FOREIGN KEY ("clinic_id","plan_id") REFERENCES "public"."package_plans"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_plan_types" ADD CONSTRAINT "package_plan_types_clinic_id_type_id_appointment_types_clinic_id_id_fk" FOREIGN KEY ("clinic_id","type_id") REFERENCES "public"."appointment_types"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_plans" ADD CONSTRAINT "package_plans_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_plans" ADD CONSTRAINT "package_plans_clinic_id_tax_rate_id_tax_rates_clinic_id_id_fk" FOREIGN KEY ("clinic_id","tax_rate_id") REFERENCES "public"."tax_rates"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_redemptions" ADD CONSTRAINT "package_redemptions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_redemptions" ADD CONSTRAINT "package_redemptions_clinic_id_package_id_client_packages_clinic_id_id_fk" FOREIGN KEY ("clinic_id","package_id") REFERENCES "public"."client_packages"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_redemptions" ADD CONSTRAINT "package_redemptions_clinic_id_appointment_id_appointments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","appointment_id") REFERENCES "public"."appointments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "client_packages_client_idx" ON "client_packages" USING btree ("clinic_id","client_id","expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "package_redemptions_live_key" ON "package_redemptions" USING btree ("clinic_id","appointment_id") WHERE "package_redemptions"."returned_at" is null;--> statement-breakpoint
CREATE INDEX "package_redemptions_package_idx" ON "package_redemptions" USING btree ("clinic_id","package_id");