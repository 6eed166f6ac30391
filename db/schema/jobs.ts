import { sql } from "drizzle-orm";
import { pgTable, uuid, text, timestamp, integer, jsonb, index, uniqueIndex, check } from "drizzle-orm/pg-core";
import { clinics } from "./clinics-users";

/** The states of a job (lib/jobs): a finished job is `done`, or `dead` after its last attempt failed. */
export const JOB_STATUSES = ["queued", "running", "done", "dead"] as const;

/**
 * The durable job queue (lib/jobs). A job is written in the same transaction as its cause, and
 * claimed by a worker with FOR UPDATE SKIP LOCKED plus a lease (`locked_until`): a worker that
 * dies loses the lease and the job runs again, so every job's effect is idempotent by design.
 * Optional clinic: platform jobs (schedules, password-reset mail) belong to no clinic.
 * `last_error` holds only an error class and a sanitised, bounded message, never clinical data.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    name: text("name").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull(),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    /** What a finished run said it did ("skipped: appointment moved"); bounded, no clinical data. */
    outcome: text("outcome"),
    dedupeKey: text("dedupe_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    // Claiming: the oldest due queued job first, reading only queued rows.
    index("jobs_claim_idx")
      .on(t.runAt)
      .where(sql`${t.status} = 'queued'`),
    // Expired leases of crashed workers: only running rows.
    index("jobs_lease_idx")
      .on(t.lockedUntil)
      .where(sql`${t.status} = 'running'`),
    // The admins' dead-letter list, per clinic (platform jobs have no clinic).
    index("jobs_clinic_dead_idx")
      .on(t.clinicId, t.finishedAt)
      .where(sql`${t.status} = 'dead'`),
    // A dedupe key is unique while its job is not finished: enqueue is idempotent per key.
    uniqueIndex("jobs_dedupe_idx")
      .on(t.name, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null and ${t.status} in ('queued', 'running')`),
    index("jobs_finished_idx")
      .on(t.finishedAt)
      .where(sql`${t.status} = 'done'`),
    check("jobs_status_check", sql`${t.status} in ('queued', 'running', 'done', 'dead')`),
    check("jobs_attempts_check", sql`${t.attempts} >= 0 and ${t.maxAttempts} between 1 and 100`),
    check("jobs_last_error_length", sql`length(${t.lastError}) <= 500`),
    check("jobs_outcome_length", sql`length(${t.outcome}) <= 200`),
  ],
);

/**
 * Recurring schedules (lib/jobs/schedules.ts): one row per schedule, or per schedule and clinic
 * when it follows each clinic's time zone. A worker takes a tick by moving `next_run_at` forward
 * with a compare-and-set in the transaction that enqueues the tick's job, so two workers never
 * both take one tick, and a tick already run can never be taken again.
 */
export const jobSchedules = pgTable(
  "job_schedules",
  {
    key: text("key").primaryKey(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull(),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
  },
  (t) => [index("job_schedules_next_idx").on(t.nextRunAt)],
);
