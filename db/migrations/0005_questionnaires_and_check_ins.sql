CREATE TYPE "public"."questionnaire_assignment_status" AS ENUM('active', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."questionnaire_source" AS ENUM('portal', 'clinic');--> statement-breakpoint
CREATE TABLE "check_ins" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"regions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "clinic_instrument_wordings" (
	"clinic_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"items" jsonb NOT NULL,
	"licence_note" text DEFAULT '' NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clinic_instrument_wordings_clinic_id_instrument_id_pk" PRIMARY KEY("clinic_id","instrument_id")
);
--> statement-breakpoint
CREATE TABLE "questionnaire_assignments" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"complaint_id" uuid,
	"every_n_visits" integer,
	"status" "questionnaire_assignment_status" DEFAULT 'active' NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_assignments_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "questionnaire_assignments_every_n" CHECK ("questionnaire_assignments"."every_n_visits" is null or "questionnaire_assignments"."every_n_visits" between 1 and 52)
);
--> statement-breakpoint
CREATE TABLE "questionnaire_responses" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"assignment_id" uuid,
	"instrument_id" text NOT NULL,
	"instrument_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"item_labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"score" real NOT NULL,
	"items_answered" integer NOT NULL,
	"pro_rated" boolean DEFAULT false NOT NULL,
	"source" "questionnaire_source" NOT NULL,
	"entered_by" uuid NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "questionnaire_responses_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_instrument_wordings" ADD CONSTRAINT "clinic_instrument_wordings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_instrument_wordings" ADD CONSTRAINT "clinic_instrument_wordings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ADD CONSTRAINT "questionnaire_assignments_clinic_id_complaint_id_complaints_clinic_id_id_fk" FOREIGN KEY ("clinic_id","complaint_id") REFERENCES "public"."complaints"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_clinic_id_assignment_id_questionnaire_assignments_clinic_id_id_fk" FOREIGN KEY ("clinic_id","assignment_id") REFERENCES "public"."questionnaire_assignments"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_client_week_key" ON "check_ins" USING btree ("clinic_id","client_id","week_start");--> statement-breakpoint
CREATE INDEX "questionnaire_assignments_client_idx" ON "questionnaire_assignments" USING btree ("clinic_id","client_id");--> statement-breakpoint
CREATE INDEX "questionnaire_responses_client_idx" ON "questionnaire_responses" USING btree ("clinic_id","client_id","completed_at");