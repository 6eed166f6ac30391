ALTER TABLE "questionnaire_responses" ALTER COLUMN "score" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "ndi_threshold_points" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "max_skipped_sections" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "smr_exercises" ADD COLUMN "standard_cautions" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD COLUMN "unscored_reason" text;--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_ndi_threshold_points" CHECK ("clinics"."ndi_threshold_points" in (5, 10));--> statement-breakpoint
ALTER TABLE "clinics" ADD CONSTRAINT "clinics_max_skipped_sections" CHECK ("clinics"."max_skipped_sections" between 0 and 3);--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ADD CONSTRAINT "questionnaire_responses_score_or_reason" CHECK (("questionnaire_responses"."score" is null) = ("questionnaire_responses"."unscored_reason" is not null));