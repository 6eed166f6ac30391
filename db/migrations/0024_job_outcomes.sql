ALTER TABLE "jobs" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_outcome_length" CHECK (length("jobs"."outcome") <= 200);--> statement-breakpoint
-- Mail waiting in the outbox from before the queue: one send job each (lib/email/send-job.ts),
-- so nothing queued by the old loop is left behind by the upgrade.
INSERT INTO "jobs" ("clinic_id", "name", "payload", "max_attempts", "dedupe_key")
SELECT "clinic_id", 'email.send', jsonb_build_object('outboxId', "id"), 5, "id"::text
FROM "email_outbox" WHERE "status" = 'pending';
