CREATE TABLE "smr_exercises" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"tool" text NOT NULL,
	"target_muscles" text[] NOT NULL,
	"instructions" text NOT NULL,
	"dosage" jsonb NOT NULL,
	"cautions" text[] NOT NULL,
	"reference_version" text NOT NULL
);
