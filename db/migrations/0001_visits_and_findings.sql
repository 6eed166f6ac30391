CREATE TYPE "public"."body_side" AS ENUM('left', 'right', 'midline');--> statement-breakpoint
CREATE TYPE "public"."chart_view" AS ENUM('front', 'back');--> statement-breakpoint
CREATE TYPE "public"."finding_status" AS ENUM('new', 'unchanged', 'better', 'worse', 'resolved', 'not_checked');--> statement-breakpoint
CREATE TYPE "public"."trp_type" AS ENUM('active', 'latent');--> statement-breakpoint
CREATE TABLE "clinic_muscles" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"side_applicable" boolean DEFAULT true NOT NULL,
	"trigger_points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"referral_zones" text[] DEFAULT '{}' NOT NULL,
	"referral_note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "clinic_muscles_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "muscles" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"side_applicable" boolean NOT NULL,
	"views" text[] NOT NULL,
	"trigger_points" jsonb NOT NULL,
	"referral_zones" text[] NOT NULL,
	"referral_note" text NOT NULL,
	"cautions" text[] DEFAULT '{}' NOT NULL,
	"common_causes" text[] DEFAULT '{}' NOT NULL,
	"reference_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"view" text NOT NULL,
	"side" text NOT NULL,
	"center_x" real NOT NULL,
	"center_y" real NOT NULL,
	"reference_version" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "findings" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"trigger_point_id" uuid NOT NULL,
	"view" chart_view NOT NULL,
	"x" real NOT NULL,
	"y" real NOT NULL,
	"template_id" text NOT NULL,
	"template_version" integer NOT NULL,
	"type" "trp_type" NOT NULL,
	"status" "finding_status",
	"taut_band" boolean DEFAULT false NOT NULL,
	"local_twitch" boolean DEFAULT false NOT NULL,
	"referred_pain" boolean DEFAULT false NOT NULL,
	"referral_regions" text[] DEFAULT '{}' NOT NULL,
	"tenderness" integer,
	"ppt_trials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ppt_kpa_mean" real,
	"meets_consensus" boolean DEFAULT false NOT NULL,
	"treatment" text[] DEFAULT '{}' NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "findings_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "findings_xy_range" CHECK ("findings"."x" between 0 and 1 and "findings"."y" between 0 and 1),
	CONSTRAINT "findings_tenderness_range" CHECK ("findings"."tenderness" is null or "findings"."tenderness" between 0 and 10),
	CONSTRAINT "findings_ppt_positive" CHECK ("findings"."ppt_kpa_mean" is null or "findings"."ppt_kpa_mean" > 0)
);
--> statement-breakpoint
CREATE TABLE "trigger_points" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"muscle_id" text,
	"clinic_muscle_id" uuid,
	"side" "body_side" NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trigger_points_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "trigger_points_one_muscle" CHECK (num_nonnulls("trigger_points"."muscle_id", "trigger_points"."clinic_muscle_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "visit_amendments" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_amendments_clinic_id_id_pk" PRIMARY KEY("clinic_id","id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"clinic_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"therapist_user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"subjective" text DEFAULT '' NOT NULL,
	"objective" text DEFAULT '' NOT NULL,
	"assessment" text DEFAULT '' NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"pain_regions" text[] DEFAULT '{}' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_clinic_id_id_pk" PRIMARY KEY("clinic_id","id"),
	CONSTRAINT "visits_signed_by_check" CHECK (("visits"."signed_at" is null) = ("visits"."signed_by" is null))
);
--> statement-breakpoint
ALTER TABLE "clinic_muscles" ADD CONSTRAINT "clinic_muscles_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_clinic_id_visit_id_visits_clinic_id_id_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_clinic_id_trigger_point_id_trigger_points_clinic_id_id_fk" FOREIGN KEY ("clinic_id","trigger_point_id") REFERENCES "public"."trigger_points"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_points" ADD CONSTRAINT "trigger_points_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_points" ADD CONSTRAINT "trigger_points_muscle_id_muscles_id_fk" FOREIGN KEY ("muscle_id") REFERENCES "public"."muscles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_points" ADD CONSTRAINT "trigger_points_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trigger_points" ADD CONSTRAINT "trigger_points_clinic_id_clinic_muscle_id_clinic_muscles_clinic_id_id_fk" FOREIGN KEY ("clinic_id","clinic_muscle_id") REFERENCES "public"."clinic_muscles"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_amendments" ADD CONSTRAINT "visit_amendments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_amendments" ADD CONSTRAINT "visit_amendments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_amendments" ADD CONSTRAINT "visit_amendments_clinic_id_visit_id_visits_clinic_id_id_fk" FOREIGN KEY ("clinic_id","visit_id") REFERENCES "public"."visits"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_therapist_user_id_users_id_fk" FOREIGN KEY ("therapist_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "findings_visit_idx" ON "findings" USING btree ("clinic_id","visit_id");--> statement-breakpoint
CREATE INDEX "findings_point_idx" ON "findings" USING btree ("clinic_id","trigger_point_id");--> statement-breakpoint
CREATE INDEX "trigger_points_client_idx" ON "trigger_points" USING btree ("clinic_id","client_id");--> statement-breakpoint
CREATE INDEX "visit_amendments_visit_idx" ON "visit_amendments" USING btree ("clinic_id","visit_id");--> statement-breakpoint
CREATE INDEX "visits_client_started_idx" ON "visits" USING btree ("clinic_id","client_id","started_at");