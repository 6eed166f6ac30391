CREATE TYPE "public"."complaint_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TABLE "complaints" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"title" text NOT NULL,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"onset_date" date,
	"status" "complaint_status" DEFAULT 'open' NOT NULL,
	"resolved_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "diary_entries" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"entry_date" date NOT NULL,
	"score" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diary_entries_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "diary_entries_score_range" CHECK ("diary_entries"."score" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "visit_pain_scores" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"before" integer,
	"after" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_pain_scores_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "visit_pain_scores_before_range" CHECK ("visit_pain_scores"."before" is null or "visit_pain_scores"."before" between 0 and 10),
	CONSTRAINT "visit_pain_scores_after_range" CHECK ("visit_pain_scores"."after" is null or "visit_pain_scores"."after" between 0 and 10)
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_clinic_id_complaint_id_complaints_clinic_id_id_fk" FOREIGN KEY ("clinic_id","complaint_id") REFERENCES "public"."complaints"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_pain_scores" ADD CONSTRAINT "visit_pain_scores_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_pain_scores" ADD CONSTRAINT "visit_pain_scores_clinic_id_visit_id_visits_clinic_id_id_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_pain_scores" ADD CONSTRAINT "visit_pain_scores_clinic_id_complaint_id_complaints_clinic_id_id_fk" FOREIGN KEY ("clinic_id","complaint_id") REFERENCES "public"."complaints"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_client_idx" ON "complaints" USING btree ("clinic_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "diary_entries_one_per_day_key" ON "diary_entries" USING btree ("clinic_id","complaint_id","entry_date");--> statement-breakpoint
CREATE UNIQUE INDEX "visit_pain_scores_visit_complaint_key" ON "visit_pain_scores" USING btree ("clinic_id","visit_id","complaint_id");