-- Dates people type stay within years 1900–2200 (lib/http/primitives.ts refuses the rest at the
-- edge). A stored year-0 time off made the calendar, the slot search and online booking fail
-- for the whole clinic; these guards make such a row impossible to store by any path.
-- Time off with impossible dates cannot be read by anything, so it is removed rather than kept.
DELETE FROM "availability_exceptions"
WHERE NOT (
  coalesce("exception"->>'startDate', '2000-01-01') ~ '^(19\d\d|2[01]\d\d|2200)-\d\d-\d\d$'
  AND coalesce("exception"->>'endDate', '2000-01-01') ~ '^(19\d\d|2[01]\d\d|2200)-\d\d-\d\d$'
  AND coalesce("exception"->>'date', '2000-01-01') ~ '^(19\d\d|2[01]\d\d|2200)-\d\d-\d\d$'
);--> statement-breakpoint
ALTER TABLE "availability_exceptions" ADD CONSTRAINT "availability_exceptions_dates_in_range" CHECK (
  coalesce("exception"->>'startDate', '2000-01-01') ~ '^(19\d\d|2[01]\d\d|2200)-\d\d-\d\d$'
  AND coalesce("exception"->>'endDate', '2000-01-01') ~ '^(19\d\d|2[01]\d\d|2200)-\d\d-\d\d$'
  AND coalesce("exception"->>'date', '2000-01-01') ~ '^(19\d\d|2[01]\d\d|2200)-\d\d-\d\d$'
);--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_date_of_birth_in_range" CHECK ("date_of_birth" BETWEEN DATE '1900-01-01' AND DATE '2200-12-31');--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_onset_date_in_range" CHECK ("onset_date" BETWEEN DATE '1900-01-01' AND DATE '2200-12-31');--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_entry_date_in_range" CHECK ("entry_date" BETWEEN DATE '1900-01-01' AND DATE '2200-12-31');--> statement-breakpoint
ALTER TABLE "programme_versions" ADD CONSTRAINT "programme_versions_dates_in_range" CHECK ("start_date" BETWEEN DATE '1900-01-01' AND DATE '2200-12-31' AND ("end_date" IS NULL OR "end_date" BETWEEN DATE '1900-01-01' AND DATE '2200-12-31'));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_starts_at_in_range" CHECK ("starts_at" >= TIMESTAMPTZ '1900-01-01 00:00:00+00' AND "blocks_until" < TIMESTAMPTZ '2201-01-02 00:00:00+00');--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_started_at_in_range" CHECK ("started_at" >= TIMESTAMPTZ '1900-01-01 00:00:00+00' AND "started_at" < TIMESTAMPTZ '2201-01-02 00:00:00+00');
